/**
 * Planning a large experiment does not hold the web host (review s4, finding 2): while a
 * 20,000-run experiment is planned (every factor value checked, every combination resolved,
 * every run given its id), another session's calls are answered, both before the start call
 * itself is answered and after it, before the runs start. Counted in answers, not in times.
 * A real web host in its own process, real sockets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import type { ExperimentProgressEvent } from '../../src/shared/contract'
import { startChildHost, wsCall, wsConnect, type ChildHost } from './helpers'

let host: ChildHost
let a: WebSocket
let b: WebSocket

beforeAll(async () => {
  host = await startChildHost()
  const url = `${host.origin.replace('http', 'ws')}/api?token=${encodeURIComponent(host.providerToken)}`
  a = await wsConnect(url)
  b = await wsConnect(url)
})
afterAll(async () => {
  a?.close()
  b?.close()
  await host?.stop()
})

describe('experiments:start with a large plan', () => {
  it(
    'answers another session while it plans, and reports planning progress',
    { timeout: 300_000 },
    async () => {
      const progress: ExperimentProgressEvent[] = []
      a.on('message', (data) => {
        const m = JSON.parse(String(data)) as { type: string; event?: string; payload?: unknown }
        if (m.type === 'strata:event' && m.event === 'experiments:progress')
          progress.push(m.payload as ExperimentProgressEvent)
      })
      let answer: Awaited<ReturnType<typeof wsCall>> | undefined
      const start = wsCall(a, 'start', 'experiments:start', {
        vary: { 'simulation.seed': Array.from({ length: 200 }, (_, i) => i) },
        repeat: 100,
        workers: 1,
      }).then((r) => (answer = r))
      const planned = (): boolean =>
        progress.some((p) => p.planning === undefined || p.status !== 'running')
      let beforeStart = 0
      let whilePlanning = 0
      for (let k = 0; !(answer && (!answer.ok || planned())); k++) {
        const info = await wsCall(b, k, 'app:info', {})
        expect(info.ok).toBe(true)
        if (!answer) beforeStart++
        else if (!planned()) whilePlanning++
      }
      await start
      expect(answer).toMatchObject({ ok: true, value: { runs: 20_000, combinations: 200 } })
      expect(beforeStart).toBeGreaterThan(0)
      expect(whilePlanning).toBeGreaterThan(0)
      const phases = new Set(progress.flatMap((p) => (p.planning ? [p.planning.phase] : [])))
      expect(phases.has('ids')).toBe(true)
      const ids = progress.flatMap((p) => (p.planning?.phase === 'ids' ? [p.planning] : []))
      expect(ids.at(-1)).toEqual({ phase: 'ids', done: 20_000, total: 20_000 })
      const id = (answer?.value as { experimentId: string }).experimentId
      expect(await wsCall(a, 'cancel', 'experiments:cancel', { experimentId: id })).toMatchObject({
        ok: true,
      })
    },
  )
})
