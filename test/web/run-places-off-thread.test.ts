/**
 * `simulation:start` on a design whose shown placement is not the run's (review s7b #3): the
 * run's own thread places it and reports it; main's thread never does. Before, the handler
 * placed a 2,000-host design on main's thread before answering (0.6–0.8 s in which every
 * session waited; 5 s at 10,000 hosts), so `scheduler:placed` reached the provider before the
 * start's own answer and another socket's `app:info` waited behind it. Now the start answers
 * at once, another socket's `app:info` is answered before the placement is published, and the
 * published placement is the run's: every instance of the design, at the run's seed, and a
 * tenant's explanation of its own instance answers (from the worker-held scheduler). The host
 * runs in a child process; every party is a real WebSocket client.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import { generateDesign } from '../../src/main/cli/commands/generate'
import { serializeStrataFile } from '../../src/main/engine'
import type { PlacementDigest } from '../../src/shared/contract'
import { wsCall, wsConnect } from './helpers'
import { useProviderHost } from './provider-host'

const ctx = useProviderHost('strata-run-places-')
let callId = 1
const call = (ws: WebSocket, name: string, request: unknown = {}) =>
  wsCall(ws, callId++, name, request)
const api = (token: string) =>
  `${ctx.host.origin.replace('http', 'ws')}/api?token=${encodeURIComponent(token)}`

/** Everything a socket receives, in one shared order: `event:NAME` or `answer:ID`. */
function journal(ws: WebSocket, who: string, into: string[]): void {
  ws.on('message', (data) => {
    const m = JSON.parse(String(data)) as { type: string; event?: string; id?: unknown }
    into.push(m.type === 'strata:call' ? `${who} answer:${String(m.id)}` : `${who} ${m.event}`)
  })
}

describe('a run that must place first', () => {
  it(
    'answers, and lets other sessions be answered, before its placement is published',
    {
      timeout: 240_000,
    },
    async () => {
      const design = generateDesign({
        hosts: 2000,
        racks: 50,
        tenants: 3,
        instances: 16_000,
        seed: 2,
        horizonH: 24,
        storageIops: 0,
        nodePools: 0,
      })
      const instances = design.workloads.reduce((n, w) => n + w.count, 0)
      const file = join(ctx.dir, 'gen2000.strata.json')
      writeFileSync(file, serializeStrataFile(design))
      const opened = await call(ctx.provider, 'files:open', { path: file, discardChanges: true })
      expect(opened.ok ? 'ok' : opened.error?.message).toBe('ok')
      const watcher = await wsConnect(api(ctx.host.providerToken))
      const tenantId = design.tenants[0]!.id
      const minted = await call(ctx.provider, 'tenancy:mint-token', { tenantId })
      const tenantToken = new URL((minted.value as { url: string }).url).searchParams.get('token')
      const tenant = await wsConnect(api(tenantToken as string))

      const order: string[] = []
      journal(ctx.provider, 'provider', order)
      journal(watcher, 'watcher', order)
      let digest: PlacementDigest | undefined
      const placed = new Promise<void>((resolve) =>
        ctx.provider.on('message', (data) => {
          const m = JSON.parse(String(data)) as { event?: string; payload?: PlacementDigest }
          if (m.event === 'scheduler:placed') {
            digest = m.payload
            resolve()
          }
        }),
      )
      const started = await wsCall(ctx.provider, 'start', 'simulation:start', {
        seed: 1,
        horizonS: 3600,
      })
      expect(started.ok ? 'ok' : started.error?.message).toBe('ok')
      const info = await wsCall(watcher, 'info', 'app:info', {})
      expect(info.ok).toBe(true)
      await placed
      // the start's answer and the other session's answer both came before the placement
      const at = (entry: string) => order.indexOf(entry)
      expect(at('provider answer:start')).toBeGreaterThanOrEqual(0)
      expect(at('watcher answer:info')).toBeGreaterThan(at('provider answer:start'))
      expect(at('provider scheduler:placed')).toBeGreaterThan(at('watcher answer:info'))
      expect(order.filter((e) => e === 'provider scheduler:placed')).toHaveLength(1)

      // the published placement is the run's: all the design's instances, at the run's seed
      expect(digest!.seed).toBe(1)
      expect(digest!.placedCount + digest!.unplacedCount).toBe(instances)
      expect(await call(ctx.provider, 'scheduler:last-digest')).toEqual({ ok: true, value: digest })
      const own = design.workloads.find((w) => w.tenantId === tenantId && w.count > 0)!
      const explained = await call(tenant, 'scheduler:explain', { instanceId: `${own.id}#0` })
      expect(explained.ok ? 'ok' : explained.error?.message).toBe('ok')
      expect((explained.value as { instanceId: string }).instanceId).toBe(`${own.id}#0`)

      const runId = (started.value as { runId: string }).runId
      await call(ctx.provider, 'simulation:cancel', { runId })
      // a second run from the same seed starts from the shown placement: nothing new is placed
      const again = await call(ctx.provider, 'simulation:start', { seed: 1, horizonS: 3600 })
      expect(again.ok).toBe(true)
      await call(ctx.provider, 'simulation:cancel', {
        runId: (again.value as { runId: string }).runId,
      })
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect(order.filter((e) => e === 'provider scheduler:placed')).toHaveLength(1)
      for (const ws of [watcher, tenant]) ws.close()
      expect(ctx.host.exited()).toBeUndefined()
    },
  )

  it(
    'shows the placement of the run started last when two start back to back (review s8a #1)',
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
      // both sent before either answers: the host starts seed 31, then seed 32
      const [first, second] = await Promise.all([
        call(ctx.provider, 'simulation:start', { seed: 31, horizonS: 3600 }),
        call(ctx.provider, 'simulation:start', { seed: 32, horizonS: 3600 }),
      ])
      expect([first.ok, second.ok]).toEqual([true, true])
      const ids = [first, second].map((r) => (r.value as { runId: string }).runId)
      // both runs' threads have placed and reported once both are no longer running
      for (let i = 0; i < 200; i++) {
        const states = await Promise.all(
          ids.map(async (runId) => {
            const got = await call(ctx.provider, 'simulation:get', { runId, lean: true })
            return (got.value as { status: string }).status
          }),
        )
        if (states.every((status) => status !== 'running')) break
        await new Promise((resolve) => setTimeout(resolve, 500))
      }
      const shown = await call(ctx.provider, 'scheduler:last-digest')
      expect((shown.value as PlacementDigest).seed).toBe(32)
      expect(ctx.host.exited()).toBeUndefined()
    },
  )
})
