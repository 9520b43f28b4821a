/** Request schemas of the `experiments:` calls (main only at run time). Experiments (issue 16). */
import { z } from 'zod'
import { designPathKey, ownKeysRecord, repeatSchema } from '../../experiment/spec'

/** The most experiment worker threads a call may ask for, whatever the machine (review s5 #3). */
export const MAX_EXPERIMENT_WORKERS = 64

const experimentId = z.string().min(1).max(100)

export const experimentsRequests = {
  /**
   * Start an experiment on the local pool (every core): from a spec file on main's disk
   * (`specPath`, a `*.strata-experiment.json`), or from the open design with `vary` (design
   * path -> values; runs are the Cartesian product) and `repeat` seeds per combination.
   * One experiment runs at a time (`unavailable` otherwise); a bad spec is `bad-request`
   * with every problem located (`vary["simulation.policy"][1]`). Answers once every factor
   * value is checked; the combinations and run ids are made after it without holding the
   * host, reported as `planning` in `experiments:progress`.
   */
  'experiments:start': z
    .strictObject({
      specPath: z.string().min(1).max(4096).optional(),
      name: z.string().min(1).max(200).optional(),
      vary: ownKeysRecord(designPathKey, z.array(z.json()).min(1).max(1000)).optional(),
      repeat: repeatSchema.default(1),
      /**
       * Worker threads; default every core. At most `MAX_EXPERIMENT_WORKERS` here; main also
       * refuses more than twice its cores (each thread holds ~32 MiB and a copy of the run).
       */
      workers: z.number().int().min(1).max(MAX_EXPERIMENT_WORKERS).optional(),
    })
    .refine((r) => (r.specPath === undefined) !== (r.vary === undefined), {
      message: 'give either "specPath" or "vary" (exactly one)',
      path: ['vary'],
    }),
  /** Cancel a running experiment; finished runs stay stored. */
  'experiments:cancel': z.strictObject({ experimentId }),
  /** The experiments of this app session, newest first. */
  'experiments:list': z.strictObject({}),
  /** The comparison: a row per run and per combination (mean, 95 % CI) so far. */
  'experiments:results': z.strictObject({ experimentId }),
  /** One run of an experiment in full. */
  'experiments:run': z.strictObject({ experimentId, runId: z.string().min(1).max(100) }),
  /**
   * Open one run's resolved design in the app as a new unsaved design (no file; named after the
   * run), replacing the open design. Refused with `conflict` while the open design has unsaved
   * changes, unless `discardChanges: true` (the user agreed to discard them).
   */
  /**
   * The time series of 2-4 runs to compare side by side (each run simulated again: the same
   * design and seed give the same result). One such request at a time (`unavailable`).
   */
  'experiments:series': z.strictObject({
    experimentId,
    runIds: z.array(z.string().min(1).max(100)).min(2).max(4),
  }),
  'experiments:open-run': z.strictObject({
    experimentId,
    runId: z.string().min(1).max(100),
    discardChanges: z.boolean().default(false),
  }),
} as const
