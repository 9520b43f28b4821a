/**
 * The shape a saved `lastRun` must have before it is used (review s7a #7: a file whose
 * `lastRun` had the right fingerprint but `placement: {}` opened silently, and every report then
 * failed with "p.unplaced is not iterable"). Checks the fields the app reads (the report, the
 * tenant views, the result tables): the placement's lists and their ids, and the simulation's
 * summary, tenants, records and series. Extra fields are kept (a newer writer may add some).
 */
import { z } from 'zod'

const id = z.string()
const num = z.number()
const records = z.array(z.looseObject({}))

const placementShape = z.looseObject({
  preset: z.string(),
  seed: num,
  order: z.string(),
  instanceCount: num,
  placed: z.array(z.looseObject({ instanceId: id, workloadId: id, tenantId: id, hostId: id })),
  unplaced: z.array(
    z.looseObject({
      instanceId: id,
      workloadId: id,
      tenantId: id,
      reasons: records,
      summary: z.string(),
    }),
  ),
  hostUsage: z.array(z.looseObject({ hostId: id })),
})

const simulationShape = z.looseObject({
  runId: z.string(),
  summary: z.looseObject({ energyKWh: num, migrations: num, slav: num, hosts: num }),
  tenants: z.array(z.looseObject({ tenantId: id, bill: z.looseObject({ total: num }) })),
  instances: records,
  failures: records,
  migrations: records,
  series: z.looseObject({ timesS: z.array(num) }),
})

const lastRunShape = z.looseObject({
  designFingerprint: z.string(),
  placement: placementShape.optional(),
  simulation: simulationShape.optional(),
})

/**
 * The JSON path (from `lastRun`, e.g. `lastRun.placement.unplaced`) and message of the first
 * place where `raw` is not a saved run's shape; undefined when it is one.
 */
export function lastRunShapeProblem(raw: unknown): { path: string; message: string } | undefined {
  const parsed = lastRunShape.safeParse(raw)
  if (parsed.success) return undefined
  const issue = parsed.error.issues[0]
  const path = ['lastRun', ...(issue?.path ?? []).map(String)].join('.')
  return { path, message: issue?.message ?? 'not a saved run' }
}
