/**
 * Two runs start back to back and the second is cancelled at once, while its thread is still
 * placing (review s9a #2). Before, the cancelled run kept its ticket: its thread went on
 * placing, its placement was published after the cancel, and the views paired it with the
 * results of the first run, the only one with results (1,572 of 1,600 instances on other
 * hosts). Now the cancelled run ends at once without a result (its thread is stopped, not
 * waited for) and gives its ticket back: the placement shown is the first run's, instance for
 * instance where that run's result says each instance started. The host runs in a child
 * process; the provider is a real WebSocket client.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import { generateDesign } from '../../src/main/cli/commands/generate'
import { serializeStrataFile } from '../../src/main/engine'
import type { PlacementResult, SimulationRunDetail } from '../../src/shared/contract'
import { wsCall } from './helpers'
import { useProviderHost } from './provider-host'

const ctx = useProviderHost('strata-run-cancel-placement-')
let callId = 1
const call = (ws: WebSocket, name: string, request: unknown = {}) =>
  wsCall(ws, callId++, name, request)

describe('a run cancelled while it places', () => {
  it(
    'gives the views back to the run started before it (review s9a #2)',
    { timeout: 240_000 },
    async () => {
      const design = generateDesign({
        hosts: 200,
        racks: 5,
        tenants: 3,
        instances: 1600,
        seed: 3,
        horizonH: 24,
        storageIops: 0,
        nodePools: 0,
      })
      const file = join(ctx.dir, 'gen200.strata.json')
      writeFileSync(file, serializeStrataFile(design))
      const opened = await call(ctx.provider, 'files:open', { path: file, discardChanges: true })
      expect(opened.ok ? 'ok' : opened.error?.message).toBe('ok')

      // every event and answer, in the order the provider's socket received them
      const order: string[] = []
      const placedSeeds: number[] = []
      ctx.provider.on('message', (data) => {
        const m = JSON.parse(String(data)) as {
          type: string
          id?: unknown
          event?: string
          payload?: { runId?: string; seed?: number }
        }
        if (m.type === 'strata:call') order.push(`answer:${String(m.id)}`)
        else order.push(`${m.event}:${m.payload?.runId ?? ''}`)
        if (m.event === 'scheduler:placed') placedSeeds.push(m.payload!.seed!)
      })
      // the first runs of this host are run-1 and run-2: all three calls go out at once, so
      // the cancel reaches the host while run-2's thread is placing
      const [first, second, cancelled] = await Promise.all([
        wsCall(ctx.provider, 'start-a', 'simulation:start', { seed: 31, horizonS: 3600 }),
        wsCall(ctx.provider, 'start-b', 'simulation:start', { seed: 32, horizonS: 3600 }),
        wsCall(ctx.provider, 'cancel-b', 'simulation:cancel', { runId: 'run-2' }),
      ])
      expect((first.value as { runId: string }).runId).toBe('run-1')
      expect((second.value as { runId: string }).runId).toBe('run-2')
      expect(cancelled.value).toMatchObject({ runId: 'run-2', status: 'cancelled', progress: 0 })
      // it ended before the cancel's answer: its thread was stopped, not waited for
      expect(order.indexOf('simulation:finished:run-2')).toBeGreaterThanOrEqual(0)
      expect(order.indexOf('simulation:finished:run-2')).toBeLessThan(
        order.indexOf('answer:cancel-b'),
      )

      let a: SimulationRunDetail | undefined
      for (let i = 0; i < 400; i++) {
        const got = await call(ctx.provider, 'simulation:get', { runId: 'run-1' })
        a = got.value as SimulationRunDetail
        if (a.status !== 'running') break
        await new Promise((resolve) => setTimeout(resolve, 500))
      }
      expect(a?.status).toBe('done')
      const b = (await call(ctx.provider, 'simulation:get', { runId: 'run-2' }))
        .value as SimulationRunDetail
      expect(b.status).toBe('cancelled')
      expect(b.result).toBeUndefined()

      // the shown placement is run-1's: where its result says each instance started
      const shown = (await call(ctx.provider, 'scheduler:last')).value as PlacementResult
      expect(shown.seed).toBe(31)
      const startedOn = new Map(
        a!.result!.instances.flatMap((r) =>
          r.initialHostId === undefined ? [] : [[r.instanceId, r.initialHostId] as const],
        ),
      )
      const total = design.workloads.reduce((n, w) => n + w.count, 0)
      expect(startedOn.size + shown.unplaced.length).toBe(total)
      expect(new Map(shown.placed.map((p) => [p.instanceId, p.hostId]))).toEqual(startedOn)
      expect(placedSeeds).toEqual([31])
      expect(ctx.host.exited()).toBeUndefined()
    },
  )
})
