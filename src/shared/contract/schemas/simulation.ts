/** Request schemas of the `simulation:` calls (main only at run time). Discrete-event simulation runs (issue 4): start, pause, resume, step, cancel, read; progress and results pushed as events. */
import { z } from 'zod'
import { MAX_HORIZON_S } from '../../design/simulation-limits'

const runId = z.strictObject({ runId: z.string().min(1).max(100) })

export const simulationRequests = {
  /** Starts a run of the open design; fields override the design's simulation settings. */
  'simulation:start': z.strictObject({
    policy: z.string().min(1).max(100).optional(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .optional(),
    /** At most `MAX_HORIZON_S` (10 years), as in the design; the step count is checked against the design's `stepS`. */
    horizonS: z.number().int().positive().max(MAX_HORIZON_S).optional(),
    /** Keep per-host time series: false declines them; they are kept only within main's 256 MiB budget either way. */
    hostSeries: z.boolean().optional(),
  }),
  'simulation:pause': runId,
  'simulation:resume': runId,
  /** Advances a paused run by one scheduling step (one series sample), then holds it again. */
  'simulation:step': runId,
  'simulation:cancel': runId,
  /**
   * Reads one run; without `runId`, the latest. `lean` (the window's read at a run's end)
   * leaves out the per-instance records and, for large runs, the per-host series.
   */
  'simulation:get': z.strictObject({
    runId: z.string().min(1).max(100).optional(),
    lean: z.boolean().optional(),
  }),
  'simulation:list': z.strictObject({}),
  /** Per-host series of up to 500 hosts of a finished run (without `runId`, the latest). */
  'simulation:host-series': z.strictObject({
    runId: z.string().min(1).max(100).optional(),
    hostIds: z.array(z.string().min(1).max(100)).min(1).max(500),
  }),
} as const
