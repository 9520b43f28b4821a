/**
 * Review s6u #4: `strata generate --hosts 10000` with its defaults wrote a design whose traffic
 * could make 8.3 million host-pair flows, which a run refuses (`MAX_TENANT_FLOWS`), and the app
 * placed for minutes before saying so. Now (a) the default east-west traffic scales so the
 * design's bound, computed by the same function `strata validate` reports, stays under a
 * quarter of the limit at every size; (b) a run whose bound is over the limit is refused before
 * placement, naming the workload validation names; (c) `generate` warns when the user's own
 * options pass the limit.
 *
 * The bound is also recomputed here independently from its definition (Σ over east-west entries
 * of min(count, hosts) × min(peer count, hosts), plus min(count, hosts) for egress and ingress).
 */
import { describe, expect, it } from 'vitest'
import { generateDesign } from '../../src/main/cli/commands/generate'
import {
  fittingPeers,
  generateSummary,
  GENERATED_FLOW_BOUND,
} from '../../src/main/cli/commands/generate-summary'
import { checkDesignRules, flowBound, MAX_TENANT_FLOWS, Simulation } from '../../src/main/engine'
import type { Design } from '../../src/shared/design/schema'
import { strataIn } from '../support/strata-cli'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultSize } from '../support/cli/generate-defaults'

/** The bound from its definition, apart from the engine's code. */
function boundByHand(d: Design): number {
  const H = d.hosts.length
  const count = new Map(d.workloads.map((w) => [w.id, Math.min(w.count, H)]))
  let total = 0
  for (const w of d.workloads) {
    const t = w.traffic
    if (!t) continue
    const own = Math.min(w.count, H)
    for (const p of t.eastWest)
      if (p.sendGbps > 0) total += own * (count.get(p.peerWorkloadId) ?? 1)
    if (t.egressGbps > 0) total += own
    if (t.ingressGbps > 0) total += own
  }
  return total
}

const options = (hosts: number) => defaultSize(hosts)

describe('generated designs run at every size', () => {
  it.each([40, 400, 2_000, 2_400, 5_000, 10_000, 20_000])(
    '%i hosts with the default traffic: bound under a quarter of the limit, east-west kept',
    (hosts) => {
      const d = generateDesign(options(hosts))
      const bound = flowBound(d).totalFlows
      expect(bound).toBe(boundByHand(d))
      expect(bound).toBeLessThanOrEqual(GENERATED_FLOW_BOUND)
      expect(GENERATED_FLOW_BOUND).toBeLessThan(MAX_TENANT_FLOWS)
      // still exercises the network: some workload sends east-west
      expect(d.workloads.some((w) => (w.traffic?.eastWest.length ?? 0) > 0)).toBe(true)
    },
    60_000,
  )

  it('stays under with 1,000 tenants on 20,000 hosts (fewer peers when one sender each is too many)', () => {
    const d = generateDesign({ ...options(20_000), tenants: 1_000 })
    expect(boundByHand(d)).toBeLessThanOrEqual(GENERATED_FLOW_BOUND)
  }, 60_000)

  it('keeps 2 peers for every workload where that fits (400 hosts: unchanged)', () => {
    const d = generateDesign(options(400))
    const senders = d.workloads.filter((w) => (w.traffic?.eastWest.length ?? 0) > 0)
    expect(senders).toHaveLength(d.workloads.length)
  })
})

describe('a design over the limit', () => {
  // explicit options are the user's: 2,000 hosts with 12 peers per workload is over the limit
  const over = (): Design => ({ ...generateDesign({ ...options(2_000), eastWestPeers: 12 }) })

  it('is refused before placement, naming the workload validation names', () => {
    const d = over()
    expect(boundByHand(d)).toBeGreaterThan(MAX_TENANT_FLOWS)
    const warning = checkDesignRules(d).find((p) => p.path === 'workloads')
    const named = /"([^"]+)" makes the most/.exec(warning?.message ?? '')?.[1]
    expect(named).toBeDefined()
    let error: Error | undefined
    try {
      new Simulation(d)
    } catch (e) {
      error = e as Error
    }
    expect(error?.message).toContain('refused before placement')
    expect(error?.message).toContain(`workload "${named}" makes the most`)
  })

  it('makes strata generate warn, and strata simulate refuse at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'strata-flow-bound-'))
    const gen = await strataIn(
      dir,
      'generate',
      '--hosts',
      '2000',
      '--east-west',
      '12',
      '-o',
      'over.strata.json',
    )
    expect(gen.code, gen.err).toBe(0)
    expect(gen.err).toContain('warning')
    expect(gen.err).toContain('--east-west')
    const sim = await strataIn(dir, 'simulate', 'over.strata.json')
    expect(sim.code).not.toBe(0)
    expect(sim.err).toContain('refused before placement')
    const quiet = await strataIn(dir, 'generate', '--hosts', '2000', '-o', 'ok.strata.json')
    expect(quiet.err).toBe('')
  }, 120_000)

  it('names only --east-west values that fit (review s7u #5: 10,000 hosts with 1 was told "1 or 0")', () => {
    const o = { ...options(10_000), eastWestPeers: 1 }
    const d = generateDesign(o)
    expect(boundByHand(d)).toBeGreaterThan(MAX_TENANT_FLOWS)
    expect(fittingPeers(d, 1)).toBe('--east-west 0')
    // 2,000 hosts asked for 12: the largest value named fits, the next one up does not
    const big = generateDesign({ ...options(2_000), eastWestPeers: 12 })
    const named = fittingPeers(big, 12)
    const largest = Number(/--east-west (\d+)/.exec(named)?.[1])
    const withPeers = (p: number) =>
      boundByHand(generateDesign({ ...options(2_000), eastWestPeers: p }))
    expect(withPeers(largest)).toBeLessThanOrEqual(MAX_TENANT_FLOWS)
    expect(withPeers(largest + 1)).toBeGreaterThan(MAX_TENANT_FLOWS)
  }, 120_000)

  it('says how many workloads send east-west when the default is thinned', () => {
    const o = options(10_000)
    const d = generateDesign(o)
    const senders = d.workloads.filter((w) => (w.traffic?.eastWest.length ?? 0) > 0).length
    expect(senders).toBeLessThan(d.workloads.length)
    const line = generateSummary('g.json', d, o)[1]
    expect(line).toBe(
      `  east-west: ${senders} of ${d.workloads.length.toLocaleString('en-US')} workloads send to 2 peer workloads each (thinned so the flow bound stays under 500,000)`,
    )
  })
})
