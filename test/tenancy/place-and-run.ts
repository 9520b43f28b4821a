/**
 * Drives a started app through what makes tenant views change: a design edit, a placement
 * (the real `scheduler:place` handler, or a seeded stand-in while it is missing) and a short
 * real simulation run (the engine's `simulate`, told to tenancy as the context's runs tell it,
 * and published as the runs publish it).
 */
import { CALLS, type EventName } from '../../src/shared/contract'
import type { Design } from '../../src/shared/design/schema'
import type { Services } from '../../src/main/services'
import { simulate } from '../../src/main/engine'
import { randomPlacement } from '../support/engine/random-run'

interface PlacedLike {
  placed: Array<{ instanceId: string; hostId: string }>
}

const has = (name: string): boolean => Object.prototype.hasOwnProperty.call(CALLS, name)

export async function placeAndRun(
  services: Services,
  initial: Design,
  seed: number,
): Promise<{ ownHosts: (tenantId: string) => Set<string> }> {
  const provider = { role: 'provider' } as const
  const publish = (event: string, payload: unknown): void =>
    services.ctx.hub.publish(event as EventName, payload as never)
  const workload = initial.workloads[seed % Math.max(1, initial.workloads.length)]
  if (workload)
    await services.dispatch(provider, 'design:apply', {
      command: { type: 'update', id: workload.id, patch: { count: workload.count + 1 } },
    })
  const design = services.ctx.design.design
  let placement: PlacedLike
  const stand = randomPlacement(design, seed)
  const placed = has('scheduler:place')
    ? await services.dispatch(provider, 'scheduler:place', { seed: seed % 1000 })
    : undefined
  // A contract may declare the call before its handler lands (work in progress elsewhere).
  const missing = placed && !placed.ok && placed.error.message.includes('is not a function')
  if (placed && !missing) {
    if (!placed.ok) throw new Error(`scheduler:place failed: ${placed.error.message}`)
    placement = placed.value as PlacedLike
  } else {
    placement = stand
    publish('scheduler:placed', stand)
  }
  // A short real run of the simulation engine, announced the way its handler announces runs.
  const horizonS = 900
  const result = simulate(design, { horizonS, seed: seed % 1000, runId: `run-${seed}` })
  const info = {
    runId: result.runId,
    policy: result.summary.policy,
    seed: result.summary.seed,
    horizonS,
  }
  const progress = {
    ...info,
    status: 'running' as const,
    progress: 0.5,
    virtualTimeS: horizonS / 2,
  }
  services.ctx.tenancy.runChanged({ kind: 'progress', info: progress })
  publish('simulation:progress', progress)
  const finished = { ...info, status: 'done' as const, progress: 1, virtualTimeS: horizonS, result }
  services.ctx.tenancy.runChanged({ kind: 'finished', detail: finished })
  publish('simulation:finished', finished)
  const tenantOf = new Map(design.workloads.map((w) => [w.id, w.tenantId]))
  return {
    ownHosts: (tenantId) =>
      new Set(
        placement.placed
          .filter(
            (p) => tenantOf.get(p.instanceId.slice(0, p.instanceId.lastIndexOf('#'))) === tenantId,
          )
          .map((p) => p.hostId),
      ),
  }
}
