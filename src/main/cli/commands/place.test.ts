import { describe, expect, it } from 'vitest'
import type { PlacementResult } from '../../../shared/contract'
import { strata } from '../../../../test/support/strata-cli'

type PlaceJson = PlacementResult & { unplaced: Array<{ instance: string }> }

describe('strata place', () => {
  it('prints a placement of the sample with per-host usage', async () => {
    const r = await strata('place', 'resources/samples/two-hall.strata.json')
    expect(r.code).toBe(0)
    // 35 instances on hosts + Globex's 8 job containers in its HPC VMs (issue 18)
    expect(r.out).toMatch(/^placed \d+ of 43 instances on \d+ of 13 hosts; .*; policy spread/)
    // names first (the id, which --explain takes, in brackets)
    expect(r.out).toMatch(/\(w-initech-api#0\) +-> lxc-\d/)
    expect(r.out).toContain('host usage (used/allocatable):')
  })

  it('prints refusals with counts for the overfull variant', async () => {
    const r = await strata('place', 'test/fixtures/overfull.strata.json', '--policy', 'pack')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^refused \d+:/m)
    // the first line counts the refusals listed (review s7u #3): 43 − placed, never "everything fitted"
    const first = /^placed (\d+) of (\d+) instances on \d+ of \d+ hosts; (\d+) refused/.exec(r.out)
    const listed = Number(/^refused (\d+):/m.exec(r.out)?.[1])
    expect(Number(first?.[2]) - Number(first?.[1])).toBe(listed)
    expect(Number(first?.[3])).toBe(listed)
    expect(r.out.split('\n')[0]).not.toContain('everything fitted')
    expect(r.out).toMatch(
      /\(w-globex-hpc#\d+\) +none of 13 hosts can take it: 13 hosts: tenant quota reached: vCPUs \(120\)/,
    )
    expect(r.out).toMatch(
      /\(w-initech-api#\d+\) +none of 13 hosts can take it: 9 hosts: hypervisor host \(containers need OS-level virtualization\); .*insufficient vCPU/,
    )
  })

  it('writes JSON with placed, unplaced (instance, reasons) and host usage', async () => {
    const r = await strata(
      'place',
      'test/fixtures/overfull.strata.json',
      '--json',
      '--policy',
      'power',
    )
    expect(r.code).toBe(0)
    const j = JSON.parse(r.out) as PlaceJson
    expect(j.preset).toBe('power')
    expect(j.placed.length + j.unplaced.length).toBe(j.instanceCount)
    expect(j.hostUsage).toHaveLength(13)
    for (const u of j.unplaced) {
      expect(u.instance).toBe(u.instanceId)
      expect(u.reasons.reduce((n, x) => n + x.count, 0)).toBe(13)
    }
    for (const h of j.hostUsage) expect(h.vcpusUsed).toBeLessThanOrEqual(h.vcpusAllocatable)
  })

  it('explains one instance: counts per filter and the best hosts with scores', async () => {
    const r = await strata(
      'place',
      'resources/samples/two-hall.strata.json',
      '--explain',
      'w-acme-db#0',
    )
    expect(r.code).toBe(0)
    expect(r.out).toMatch(
      /^acme db #1 \(w-acme-db#0\), group acme db, tenant Acme Retail: placed on \S+; \d+ of 13 hosts could take it/,
    )
    expect(r.out).toContain('chosen host, then the best alternatives:')
    expect(r.out).toMatch(/score [\d.]+ +\(spread [\d.]+\)/)
    const missing = await strata(
      'place',
      'resources/samples/two-hall.strata.json',
      '--explain',
      'w-x#0',
    )
    expect(missing.code).toBe(1)
  })

  it('refuses bad arguments and invalid designs clearly', async () => {
    expect((await strata('place')).code).toBe(2)
    const bad = await strata(
      'place',
      'resources/samples/two-hall.strata.json',
      '--policy',
      'random',
    )
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('--policy must be one of spread, pack, power')
    const invalid = await strata('place', 'test/fixtures/three-problems.strata.json')
    expect(invalid.code).toBe(1)
  })
})

describe('strata bench placement', () => {
  it('places a small synthetic datacenter and reports its figures as JSON', async () => {
    const r = await strata(
      'bench',
      'placement',
      '--hosts',
      '200',
      '--instances',
      '2000',
      '--tenants',
      '5',
      '--json',
    )
    expect(r.code).toBe(0)
    const f = JSON.parse(r.out) as Record<string, number>
    expect(f).toMatchObject({ hosts: 200, instances: 2000, placed: 2000 })
    expect(f.placementsPerSecond).toBeGreaterThan(0)
    expect(f.peakRssMiB).toBeGreaterThan(0)
    expect((await strata('bench', 'other')).code).toBe(2)
  })
})
