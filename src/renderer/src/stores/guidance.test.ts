import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import type { Design } from '../../../shared/design/schema'
import { placementDigest } from '../../../shared/domain/placement-digest'
import type { PlacementResult } from '../../../shared/contract'
import { guidanceProblems } from './guidance'

const emptyResult: PlacementResult = {
  preset: 'spread',
  weights: {},
  seed: 0,
  order: 'stable',
  instanceCount: 2,
  placed: [],
  unplaced: [],
  hostUsage: [],
}

const sample = (): Design =>
  JSON.parse(readFileSync('resources/samples/two-hall.strata.json', 'utf8')) as Design

describe('guidanceProblems', () => {
  it('finds nothing in the sample, which is fully linked', () => {
    expect(guidanceProblems(sample(), { unplacedGroups: [] })).toEqual([])
  })

  it('warns of an unlinked host, storage no host reaches, and unplaced instances', () => {
    const d = sample()
    const host = d.hosts[0]!
    const san = d.storage.find((s) => s.id === 'san-1')!
    // cut every link of the host and of the SAN
    d.links = d.links.filter(
      (l) => ![host.id, san.id].includes(l.sourceId) && ![host.id, san.id].includes(l.targetId),
    )
    const wl = d.workloads[0]!
    const unplaced = [0, 1].map((i) => ({
      instanceId: `${wl.id}#${i}`,
      workloadId: wl.id,
      tenantId: wl.tenantId,
      reasons: [],
      summary: 'no host has enough memory',
    }))
    const problems = guidanceProblems(d, placementDigest({ ...emptyResult, unplaced }))
    expect(problems.map((p) => [p.elementId, p.severity])).toEqual([
      [wl.id, 'warning'],
      [host.id, 'warning'],
      [san.id, 'warning'],
    ])
    expect(problems[0]?.message).toBe(
      `2 of its ${wl.count} instances could not be placed: no host has enough memory`,
    )
  })
})
