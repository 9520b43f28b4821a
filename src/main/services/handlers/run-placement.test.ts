/**
 * Run without "Run placement" (review s6u #5): `simulation:start` makes the placement the run
 * starts from the current one and pushes its digest (`scheduler:placed`), so the canvas, the
 * Tenants tab and the tenant views show what is simulated. It places again only when the
 * shown placement is not the run's (none, another seed, another preset, an evacuation).
 * Oracles: the instance count is the design's sum of workload counts; the run's own record of
 * each instance's first host must match the pushed digest host for host.
 */
import { describe, expect, it } from 'vitest'
import type { PlacementDigest, SimulationRunDetail } from '../../../shared/contract'
import type { SimulationResult } from '../../../shared/contract'
import { digestInstances } from '../../../shared/domain/placement-digest'
import { testServices } from '../../../../test/support/services/test-services'

const provider = { role: 'provider' } as const
const acme = { role: 'tenant', tenantId: 't-acme' } as const
const HORIZON_S = 3600

function open() {
  const s = testServices()
  const placed: Array<{ who: string; digest: PlacementDigest }> = []
  let finished = 0
  s.ctx.hub.subscribe(provider, (e, p) => {
    if (e === 'scheduler:placed') placed.push({ who: 'provider', digest: p as PlacementDigest })
    if (e === 'simulation:finished') finished++
  })
  s.ctx.hub.subscribe(acme, (e, p) => {
    if (e === 'scheduler:placed') placed.push({ who: 'acme', digest: p as PlacementDigest })
  })
  const ofProvider = () => placed.filter((x) => x.who === 'provider').map((x) => x.digest)
  /** Starts a run and waits for its end; returns its result. */
  const run = async (request: Record<string, unknown> = {}): Promise<SimulationResult> => {
    const before = finished
    const started = await s.dispatch(provider, 'simulation:start', {
      horizonS: HORIZON_S,
      ...request,
    })
    if (!started.ok) throw new Error(JSON.stringify(started))
    const { runId } = started.value as { runId: string }
    while (finished === before) await new Promise((r) => setTimeout(r, 10))
    const got = await s.dispatch(provider, 'simulation:get', { runId })
    return ((got as { value: SimulationRunDetail }).value.result ?? {}) as SimulationResult
  }
  return { s, placed, ofProvider, run }
}

describe('simulation:start without a placement', () => {
  it('places the open design as the run does and pushes it to every session', async () => {
    const { s, placed, ofProvider, run } = open()
    expect(await s.dispatch(provider, 'scheduler:last-digest', {})).toEqual({
      ok: true,
      value: null,
    })
    const design = s.ctx.design.design
    const instances = design.workloads.reduce((n, w) => n + w.count, 0)
    const result = await run()
    const [digest, ...more] = ofProvider()
    expect(more).toEqual([])
    if (!digest) throw new Error('no scheduler:placed digest was pushed')
    expect(digest.placedCount + digest.unplacedCount).toBe(instances)
    expect(digest.seed).toBe(design.simulation.seed)
    expect(await s.dispatch(provider, 'scheduler:last-digest', {})).toEqual({
      ok: true,
      value: digest,
    })
    // the run started every instance where the pushed placement puts it
    const shown = new Map([...digestInstances(digest)].map((p) => [p.instanceId, p.hostId]))
    const started = result.instances.filter((i) => i.initialHostId !== undefined)
    expect(started.length).toBe(digest.placedCount)
    for (const i of started)
      expect([i.instanceId, shown.get(i.instanceId)]).toEqual([i.instanceId, i.initialHostId])
    // the tenant gets its own instances only
    const mine = placed.find((x) => x.who === 'acme')?.digest
    const acmeCount = design.workloads
      .filter((w) => w.tenantId === 't-acme')
      .reduce((n, w) => n + w.count, 0)
    expect(mine && mine.placedCount + mine.unplacedCount).toBe(acmeCount)
    s.ctx.runs.dispose()
  })

  it("keeps a placement that is already the run's, and replaces one that is not", async () => {
    const { s, ofProvider, run } = open()
    await s.dispatch(provider, 'scheduler:place', {})
    await run()
    expect(ofProvider().length).toBe(1) // "Run placement" pushed it; the run kept it
    await run({ seed: 7 })
    expect(ofProvider().map((d) => d.seed)).toEqual([0, 7])
    // the sample's own preset is "spread": asked for by name, it is still the run's placement
    await s.dispatch(provider, 'scheduler:place', { preset: 'spread', seed: 7 })
    await run({ seed: 7 })
    await s.dispatch(provider, 'scheduler:place', { preset: 'pack' })
    await run()
    expect(ofProvider().map((d) => [d.preset, d.seed])).toEqual([
      ['spread', 0],
      ['spread', 7],
      ['spread', 7],
      ['pack', 0],
      ['spread', 0],
    ])
    // an evacuation changes the shown placement: the next run shows its own again
    const host = s.ctx.placement.lastResult()?.placed[0]?.hostId as string
    await s.dispatch(provider, 'scheduler:evacuate', { hostId: host, dryRun: false })
    const evacuated = ofProvider().length
    await run()
    expect(ofProvider().length).toBe(evacuated + 1)
    s.ctx.runs.dispose()
  })
})
