/**
 * A run starts from the placement it reports and places once (review s11 #4). Before, a
 * `placeFirst` start placed the design to report it (`placed`), then the simulation placed it
 * all over again (twice the 1 s of CPU at 10,000 hosts). Oracles: the number of `placeAll`
 * calls, counted on the real scheduler; and the reported placement, instance by instance,
 * against each instance's first host in the run's own records.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { checkIntegrity } from '../../engine'
import type { PlacementResult } from '../../../shared/contract'
import type { Design } from '../../../shared/design/schema'
import type * as SchedulerModule from '../../engine/scheduler'
import type { FromWorker } from './protocol'
import { runInSlices } from './slices'

const calls = vi.hoisted(() => ({ placeAll: 0 }))
vi.mock('../../engine/scheduler', async (importOriginal) => {
  const real = await importOriginal<typeof SchedulerModule>()
  return {
    ...real,
    createScheduler: (...args: Parameters<typeof real.createScheduler>) => {
      const scheduler = real.createScheduler(...args)
      const placeAll = scheduler.placeAll.bind(scheduler)
      scheduler.placeAll = () => {
        calls.placeAll++
        return placeAll()
      }
      return scheduler
    },
  }
})

const sample = checkIntegrity(
  JSON.parse(
    readFileSync(join(__dirname, '../../../../resources/samples/two-hall.strata.json'), 'utf8'),
  ),
).design as Design

function run(placeFirst: boolean): Promise<FromWorker[]> {
  const messages: FromWorker[] = []
  return new Promise((resolve) => {
    runInSlices({ type: 'start', runId: 'r', design: sample, horizonS: 3600, placeFirst }, (m) => {
      messages.push(m)
      if (m.type === 'done' || m.type === 'error') resolve(messages)
    })
  })
}

describe('a run that places first', () => {
  it('places once, and starts every instance on the host it reported', async () => {
    calls.placeAll = 0
    const messages = await run(true)
    expect(calls.placeAll).toBe(1)
    const placed = messages.find((m) => m.type === 'placed') as { result: PlacementResult }
    const done = messages.at(-1)
    if (done?.type !== 'done') throw new Error(JSON.stringify(done))
    const reported = new Map(placed.result.placed.map((p) => [p.instanceId, p.hostId]))
    const first = new Map(
      done.result.instances.flatMap((i) =>
        i.initialHostId !== undefined ? [[i.instanceId, i.initialHostId]] : [],
      ),
    )
    expect(reported.size).toBe(
      sample.workloads.reduce((n, w) => n + w.count, 0) - placed.result.unplaced.length,
    )
    expect(first).toEqual(reported)
  })

  it('a run whose placement is shown already places once too', async () => {
    calls.placeAll = 0
    await run(false)
    expect(calls.placeAll).toBe(1)
  })
})
