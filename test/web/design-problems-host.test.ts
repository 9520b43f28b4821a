/**
 * The open design's problems are bounded in `design:get`, `design:validate` and every
 * `design:changed` event (review s9a #1: a design with 3,497 problems was a 1.5 MB `design:get`
 * and a 505 KB event per edit to every window; text quoted from the file went out whole).
 * Real host child, real sockets; expected values by counting what the test put in the design.
 */
import { describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import type { Problem } from '../../src/shared/contract'
import { wsCall, wsConnect } from './helpers'
import { useProviderHost } from './provider-host'

const ctx = useProviderHost('strata-design-problems-')
let callId = 1
const call = (ws: WebSocket, name: string, request: unknown = {}) =>
  wsCall(ws, callId++, name, request)

interface Snapshot {
  design: Record<string, unknown> & {
    hosts: Array<{ id: string; powerCurveW: number[] }>
    simulation: { failures: { mode: string; schedule: unknown[] } }
  }
  problems: Problem[]
  problemCounts: { errors: number; warnings: number }
  problemElements: { errors: string[]; warnings: string[] }
}

const GHOSTS = 300

/** The next `design:changed` payload on `ws`. */
function nextChange(ws: WebSocket): Promise<Snapshot & { size: number }> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const text = String(data)
      const m = JSON.parse(text) as { event?: string; payload?: Snapshot }
      if (m.event === 'design:changed' && m.payload) {
        ws.off('message', onMessage)
        resolve({ ...m.payload, size: text.length })
      }
    }
    ws.on('message', onMessage)
  })
}

describe('a design with more problems than an answer lists', () => {
  it('lists at most 251, counts all of them and names every element with one', async () => {
    const sample = (await call(ctx.provider, 'design:get')).value as Snapshot
    // the premise: the sample has no problem of its own
    expect(sample.problemCounts).toEqual({ errors: 0, warnings: 0 })
    const design = structuredClone(sample.design)
    // one warning per host ("power drops as load rises") and one error per missing host
    for (const h of design.hosts) h.powerCurveW = [...h.powerCurveW].reverse()
    design.simulation.failures.schedule = Array.from({ length: GHOSTS }, (_, i) => ({
      hostId: `ghost-${i}`,
      atS: 60,
      repairS: 60,
    }))
    const hosts = design.hosts.length
    expect(hosts).toBeGreaterThan(1)
    expect((await call(ctx.provider, 'design:load', { document: design })).ok).toBe(true)

    const got = (await call(ctx.provider, 'design:get')).value as Snapshot
    expect(got.problemCounts).toEqual({ errors: GHOSTS, warnings: hosts })
    expect(got.problemElements.errors).toEqual([])
    expect([...got.problemElements.warnings].sort()).toEqual(design.hosts.map((h) => h.id).sort())
    // 200 listed, then one "… and N more" entry per kind and one for the rest: at most 251
    expect(got.problems.length).toBeLessThanOrEqual(251)
    expect(got.problems.length).toBeLessThan(GHOSTS + hosts)
    expect(got.problems.some((p) => /^… and [\d,]+ more/.test(p.message))).toBe(true)

    const validated = (await call(ctx.provider, 'design:validate')).value as Problem[]
    expect(validated).toEqual(got.problems)

    // every edit's event to another window: the same bounded list and the same counts
    const other = await wsConnect(
      `${ctx.host.origin.replace('http', 'ws')}/api?token=${encodeURIComponent(ctx.host.providerToken)}`,
    )
    try {
      const changed = nextChange(other)
      const edit = await call(ctx.provider, 'design:apply', {
        command: { type: 'set-meta', patch: { name: 'renamed' } },
      })
      expect(edit.ok).toBe(true)
      const event = await changed
      expect(event.problemCounts).toEqual({ errors: GHOSTS, warnings: hosts })
      expect(event.problems).toEqual(got.problems)
      expect(event.problemElements).toEqual(got.problemElements)
    } finally {
      other.close()
    }
    expect(ctx.host.exited()).toBeUndefined()
  })

  it('refuses a failure host id or storage class longer than an id, and quotes raw ids cut', async () => {
    const before = (await call(ctx.provider, 'design:get')).value as Snapshot
    const long = 'h'.repeat(4000)
    const design = structuredClone(before.design) as Snapshot['design'] & {
      workloads: Array<Record<string, unknown>>
    }
    design.simulation.failures.schedule = [{ hostId: long, atS: 1, repairS: 1 }]
    design.workloads[0]!.storageClass = long
    // a raw id used twice: the duplicate's message quotes it cut to 100 characters
    design.hosts[1]!.id = design.hosts[0]!.id = long
    const refused = await call(ctx.provider, 'design:load', {
      document: design,
      discardChanges: true, // earlier tests left edits: this one is about the document
    })
    expect(refused.ok).toBe(false)
    const problems = (refused.error as unknown as { problems: Problem[] }).problems
    const paths = problems.map((p) => p.path)
    expect(paths).toContain('simulation.failures.schedule[0].hostId')
    expect(paths).toContain('workloads[0].storageClass')
    const duplicate = problems.find((p) => p.message.startsWith('duplicate id'))
    expect(duplicate?.message).toBe(
      `duplicate id "${'h'.repeat(100)}…" (first used at hosts[0].id)`,
    )
    expect(duplicate?.elementId).toBeUndefined()
    expect(JSON.stringify(refused).length).toBeLessThan(long.length * 2)
    // the open design is untouched
    const after = (await call(ctx.provider, 'design:get')).value as Snapshot
    expect(after.design).toEqual(before.design)
  })
})
