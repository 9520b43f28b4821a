import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Design } from '../../../../shared/design/schema'
import { checkIntegrity } from '../../model/validate'
import { exportOpenDcTopology } from './opendc-export'
import { importOpenDcTopology } from './opendc-import'

const fixtures = join(__dirname, '../../../../../test/fixtures/files')
const topology = JSON.parse(readFileSync(join(fixtures, 'opendc-topology.json'), 'utf8')) as unknown

function imported(json: unknown): Design {
  const r = importOpenDcTopology(json)
  if (!r.ok) throw new Error(r.message + JSON.stringify(r.problems))
  return r.design
}

const specs = (d: Design) => {
  const rack = new Map(d.racks.map((r) => [r.id, r.name]))
  return d.hosts.map((h) => [
    h.name,
    h.rackId && rack.get(h.rackId),
    h.sockets,
    h.coresPerSocket,
    h.mipsPerCore,
    h.memoryMiB,
    h.powerCurveW,
  ])
}

describe('OpenDC topology', () => {
  it('imports clusters as racks and host counts as hosts, with units', () => {
    const d = imported(topology)
    expect(d.racks.map((r) => r.name)).toEqual(['C01', 'EDGE-1', 'EDGE-2'])
    expect(d.hosts.map((h) => h.name)).toEqual(['H01-1', 'H01-2', 'H01-3', 'BIG', 'E', 'E'])
    const big = d.hosts[3]
    expect(big).toMatchObject({
      sockets: 2,
      coresPerSocket: 64,
      mipsPerCore: 2400,
      memoryMiB: 1024 * 1024,
    })
    expect(d.hosts[0]?.memoryMiB).toBe(256 * 1024)
    expect(d.hosts[0]?.powerCurveW[0]).toBe(120)
    expect(d.hosts[0]?.powerCurveW[10]).toBe(400)
    expect(d.hosts[0]?.powerCurveW[1]).toBeCloseTo(120 + 280 * Math.sqrt(0.1), 2)
    expect(checkIntegrity(d).problems).toEqual([])
  })

  it('round-trips: OpenDC -> design -> OpenDC -> design is unchanged', () => {
    const first = imported(topology)
    const out = exportOpenDcTopology(first)
    expect(out.warnings).toEqual([])
    const second = imported(JSON.parse(out.contents))
    expect(specs(second)).toEqual(specs(first))
    expect(exportOpenDcTopology(second).contents).toBe(out.contents)
  })

  it('round-trips the sample: every host keeps its rack, CPU and memory', () => {
    const sample = checkIntegrity(
      JSON.parse(readFileSync(join(fixtures, 'v1-two-hall.strata.json'), 'utf8')),
    ).design as Design
    const out = exportOpenDcTopology(sample)
    expect(out.warnings.map((w) => w.message).join(' ')).toContain('workloads')
    const back = imported(JSON.parse(out.contents))
    const cpuMem = (d: Design) =>
      specs(d)
        .map((s) => s.slice(0, 6))
        .sort()
    expect(cpuMem(back)).toEqual(cpuMem(sample))
  })

  it('reports problems with their JSON paths', () => {
    const r = importOpenDcTopology({
      clusters: [{ hosts: [{ cpu: { coreCount: 'many', coreSpeed: 'fast' }, memory: {} }] }],
    })
    expect(r.ok).toBe(false)
    if (!r.ok)
      expect(r.problems.map((p) => p.path)).toEqual([
        'clusters[0].hosts[0].cpu.coreCount',
        'clusters[0].hosts[0].cpu.coreSpeed',
        'clusters[0].hosts[0].memory.memorySize',
      ])
    expect(importOpenDcTopology([1]).ok).toBe(false)
  })
})
