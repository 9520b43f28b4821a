/**
 * Review s7u #4: generated designs saturated the Internet uplink (a fixed 100 Gbps for 800 Gbps
 * declared at 10,000 hosts) and the SAN (100,000 MB/s for every storage workload). Now the
 * uplink, the links to it and each SAN take what the design declares; the expected figures are
 * worked out here from the generator's stated rates (0.01 Gbps each way per instance; 100 IOPS
 * and 10 MB/s per instance of a workload with a storage class, 70 % reads, writes × 2 copies).
 */
import { describe, expect, it } from 'vitest'
import { generateDesign } from '../../src/main/cli/commands/generate'
import { generateSummary } from '../../src/main/cli/commands/generate-summary'
import { defaultSize } from '../support/cli/generate-defaults'

const options = (hosts: number) => defaultSize(hosts)

describe('a generated design carries what it declares (review s7u #4)', () => {
  it.each([40, 200, 2_000, 10_000])(
    '%i hosts: declared egress ≤ uplink, declared storage I/O ≤ each SAN',
    (hosts) => {
      const d = generateDesign(options(hosts))
      // every instance sends and receives 0.01 Gbps: hosts × 8 instances × 0.01
      const northSouthGbps = hosts * 8 * 0.01
      const uplink = d.fabric?.externalUplinks[0]
      expect(uplink?.capacityGbps).toBeGreaterThanOrEqual(northSouthGbps - 1e-9)
      // rounded up to 100 Gbps, at least 100: 10,000 hosts declare 800 Gbps and get 800
      expect(uplink?.capacityGbps).toBe(Math.max(100, Math.ceil(northSouthGbps / 100 - 1e-9) * 100))
      // the aggregation-to-core links lead to it: together they carry it too
      const toCore = d.links.filter((l) => l.targetId === 'core-1' || l.sourceId === 'core-1')
      expect(toCore.reduce((s, l) => s + l.bandwidthGbps, 0)).toBeGreaterThanOrEqual(northSouthGbps)
      const stored = d.workloads.filter((w) => w.storageClass).reduce((n, w) => n + w.count, 0)
      // reads 70 + writes 30 × 2 copies = 130 IOPS, 13 MB/s consumed per instance at peak
      for (const san of d.storage) {
        expect(san.iops).toBeGreaterThanOrEqual(stored * 130)
        expect(san.throughputMBps).toBeGreaterThanOrEqual(stored * 13 - 1e-6)
      }
    },
    60_000,
  )

  it('says the uplink and storage capacity against the declared demand', () => {
    const d = generateDesign(options(10_000))
    const lines = generateSummary('g.json', d, options(10_000))
    expect(lines[0]).toBe(
      'wrote g.json: 10,000 hosts in 250 racks, 50 tenants, 80,000 instances in 1,569 workloads (seed 1)',
    )
    expect(lines[2]).toBe(
      '  Internet uplink 800 Gbps each way, for 800 Gbps egress and 800 Gbps ingress declared',
    )
    const stored = d.workloads.filter((w) => w.storageClass).reduce((n, w) => n + w.count, 0)
    const mbps = (stored * 13).toLocaleString('en-US')
    expect(lines[3]).toContain(
      `the declared peak (writes × 2 copies) is ${(stored * 130).toLocaleString('en-US')} IOPS and ${mbps} MB/s`,
    )
    // review s9u C13: the SAN's IOPS against the peak is said as a factor, not as "for"
    const san = d.storage.find((s) => s.kind === 'san')!
    const factor = san.iops / (stored * 130)
    const shown = factor >= 10 ? Math.floor(factor) : Math.floor(factor * 10) / 10
    expect(lines[3]).toContain(`so each SAN takes ${shown.toLocaleString('en-US')}× the IOPS`)
  })
})
