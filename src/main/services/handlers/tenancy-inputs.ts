/**
 * Reads the placement and simulation events other domains publish into the tenancy
 * engine's inputs. Structural checks, so tenancy keeps working as those payloads grow.
 */
import type { TenancyPlacement, TenancySimulation } from '../../engine'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null

function pairs(list: unknown): Array<{ instanceId: string; hostId: string }> {
  if (!Array.isArray(list)) return []
  return list.flatMap((p: unknown) =>
    isObj(p) && typeof p.instanceId === 'string' && typeof p.hostId === 'string'
      ? [{ instanceId: p.instanceId, hostId: p.hostId }]
      : [],
  )
}

function ids(list: unknown): Array<{ instanceId: string }> {
  if (!Array.isArray(list)) return []
  return list.flatMap((u: unknown) =>
    isObj(u) && typeof u.instanceId === 'string' ? [{ instanceId: u.instanceId }] : [],
  )
}

/** A placement from a `scheduler:placed` payload (`{placed, unplaced}`, maybe under `placement`). */
export function placementFromEvent(payload: unknown): TenancyPlacement | undefined {
  const source = isObj(payload) && isObj(payload.placement) ? payload.placement : payload
  if (!isObj(source) || !Array.isArray(source.placed)) return undefined
  return { placed: pairs(source.placed), unplaced: ids(source.unplaced) }
}

const RUN_STATUSES = ['running', 'paused', 'done', 'cancelled', 'failed'] as const
type RunStatus = (typeof RUN_STATUSES)[number]

/** The run state (and result, once finished) from a `simulation:progress` / `:finished` payload. */
export function simulationFromEvent(
  payload: unknown,
  previous: TenancySimulation | undefined,
): TenancySimulation | undefined {
  if (!isObj(payload)) return undefined
  const status = payload.status
  if (typeof status !== 'string' || !(RUN_STATUSES as readonly string[]).includes(status))
    return undefined
  const num = (v: unknown): number => (typeof v === 'number' ? v : 0)
  const info: NonNullable<TenancySimulation['info']> = {
    status: status as RunStatus,
    progress: num(payload.progress),
    virtualTimeS: num(payload.virtualTimeS),
    horizonS: num(payload.horizonS),
  }
  const result = payload.result as TenancySimulation['result'] | undefined
  if (isObj(result) && Array.isArray(result.tenants) && Array.isArray(result.instances))
    return { info, result }
  // A new run starts from scratch; progress of the same run keeps nothing older.
  return status === 'running' || status === 'paused' ? { info } : { info, ...pick(previous) }
}

function pick(previous: TenancySimulation | undefined): Partial<TenancySimulation> {
  return previous?.result ? { result: previous.result } : {}
}
