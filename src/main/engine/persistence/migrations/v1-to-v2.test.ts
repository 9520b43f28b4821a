import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Problem } from '../../../../shared/domain/problem'
import { migrateDocument } from '.'
import { renameReservedBandwidth } from './v1-to-v2'

describe('v1 -> v2: workload bandwidthMbps becomes reservedBandwidthMbps', () => {
  it('moves the value and drops the old name; other fields untouched', () => {
    const problems: Problem[] = []
    const out = renameReservedBandwidth(
      { workloads: [{ id: 'w', bandwidthMbps: 250, iops: 3 }, { id: 'x' }, 'junk'] },
      problems,
    )
    expect(out.workloads).toEqual([
      { id: 'w', iops: 3, reservedBandwidthMbps: 250 },
      { id: 'x' },
      'junk',
    ])
    expect(problems).toEqual([])
  })

  it('a v1 file with both names is refused at the v1 path', () => {
    const problems: Problem[] = []
    renameReservedBandwidth(
      { workloads: [{ bandwidthMbps: 1, reservedBandwidthMbps: 2 }] },
      problems,
    )
    expect(problems.map((p) => p.path)).toEqual(['workloads[0].bandwidthMbps'])
  })

  it('the v1 two-hall fixture migrates with each workload keeping its reservation', () => {
    const raw = JSON.parse(readFileSync('test/fixtures/files/v1-two-hall.strata.json', 'utf8')) as {
      workloads: Array<{ id: string; bandwidthMbps?: number }>
    }
    const r = migrateDocument(raw)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const after = r.document.workloads as Array<Record<string, unknown>>
    raw.workloads.forEach((w, i) => {
      expect(after[i]?.reservedBandwidthMbps).toBe(w.bandwidthMbps)
      expect(after[i]).not.toHaveProperty('bandwidthMbps')
    })
  })
})
