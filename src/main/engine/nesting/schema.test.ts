import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { validateDesign } from '../model/validate'
import { readStrataFile } from '../persistence/read-file'

const fixtures = join(__dirname, '../../../../test/fixtures/files')
const v1Text = readFileSync(join(fixtures, 'v1-two-hall.strata.json'), 'utf8')

interface RawWorkload {
  id: string
  tenantId: string
  kind: string
  guestOs?: string
  innerLayer?: unknown
  nesting?: unknown
  [field: string]: unknown
}
interface RawDesign {
  schemaVersion: number
  workloads: RawWorkload[]
  tenants: Array<{ id: string }>
  hosts: Array<{ virtualization: Record<string, unknown> }>
  simulation: { failures: Record<string, unknown> }
}

/** The v1 sample written as version 2 by hand: v2 renamed `bandwidthMbps` (issue 17). */
function asVersion2(text: string): RawDesign {
  const d = JSON.parse(text) as RawDesign
  d.schemaVersion = 2
  for (const w of d.workloads)
    if ('bandwidthMbps' in w) {
      w.reservedBandwidthMbps = w.bandwidthMbps
      delete w.bandwidthMbps
    }
  return d
}

/** The v1 sample with a node pool added: the first tenant's containers in its first VM group. */
function withNodePool(extra: (d: RawDesign) => void = () => {}): RawDesign {
  const d = asVersion2(v1Text)
  const vm = d.workloads.find((w) => w.kind === 'vm' && (w.guestOs ?? 'linux') === 'linux')
  if (!vm) throw new Error('the sample has no Linux VM group')
  vm.innerLayer = { kind: 'os', product: 'docker' }
  d.workloads.push({
    id: 'pods',
    tenantId: vm.tenantId,
    name: 'pods',
    kind: 'container',
    count: 2,
    vcpus: 1,
    mipsPerVcpu: 1000,
    memoryMiB: 512,
    diskGiB: 1,
    guestOs: vm.guestOs,
    nesting: { runsIn: vm.id },
  })
  extra(d)
  return d
}

describe('schema version 2: nesting fields', () => {
  it('opens a v1 file unchanged: version 2, no nesting field anywhere', () => {
    const r = readStrataFile(Buffer.from(v1Text, 'utf8'))
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.migratedFrom).toBe(1)
    expect(r.design.schemaVersion).toBe(2)
    for (const w of r.design.workloads) {
      expect(w.nesting).toBeUndefined()
      expect(w.innerLayer).toBeUndefined()
    }
    for (const h of r.design.hosts) {
      expect(h.virtualization.hostedOs).toBeUndefined()
      expect(h.virtualization.nestedHardwareVirtualization).toBeUndefined()
    }
    expect(r.design.simulation.failures.instanceSchedule).toBeUndefined()
    // The same document written as version 2 reads to the same design.
    const asV2 = readStrataFile(Buffer.from(JSON.stringify(asVersion2(v1Text)), 'utf8'))
    expect(asV2.ok && asV2.design).toEqual(r.design)
  })

  it('accepts a node pool and defaults its affinity scope to the outer instance', () => {
    const d = withNodePool()
    expect(validateDesign(d).filter((p) => p.severity === 'error')).toEqual([])
    const r = readStrataFile(Buffer.from(JSON.stringify(d), 'utf8'))
    expect(r.ok && r.design.workloads.at(-1)?.nesting).toEqual({
      runsIn: d.workloads.find((w) => w.innerLayer)?.id,
      affinityScope: 'outer',
    })
  })

  it('names the path of every nesting mistake', () => {
    const d = withNodePool((d) => {
      const pods = d.workloads.at(-1) as RawWorkload
      const other = d.tenants.find((t) => t.id !== pods.tenantId)
      d.workloads.push({ ...pods, id: 'stranger', tenantId: other?.id ?? '?' })
      d.workloads.push({ ...pods, id: 'ghost', nesting: { runsIn: 'nope' } })
      d.workloads.push({ ...pods, id: 'in-pod', nesting: { runsIn: 'pods' } })
      const host0 = d.hosts[0] as RawDesign['hosts'][0]
      host0.virtualization.hostedOs = { cpuPercent: 10, memoryMiB: 2048 }
      d.simulation.failures.instanceSchedule = [{ instanceId: 'pods#7', atS: 10, repairS: 5 }]
    })
    const errors = validateDesign(d).filter((p) => p.severity === 'error')
    const n = d.workloads.length
    expect(errors.map((p) => p.path).sort()).toEqual(
      [
        'hosts[0].virtualization.hostedOs',
        `workloads[${n - 3}].nesting.runsIn`,
        `workloads[${n - 2}].nesting.runsIn`,
        `workloads[${n - 1}].nesting.runsIn`,
        'simulation.failures.instanceSchedule[0].instanceId',
      ].sort(),
    )
    expect(errors.find((p) => p.elementId === 'stranger')?.message).toMatch(/another tenant/)
    expect(errors.find((p) => p.elementId === 'in-pod')?.message).toMatch(/only inside VMs/)
  })

  it('blames a cycle on its members, and a workload that only leads into it as such', () => {
    // hpc → legacy → hpc is the cycle; jobs runs in hpc and only leads into it.
    const d = withNodePool((d) => {
      const pods = d.workloads.at(-1) as RawWorkload
      const outer = { ...pods, kind: 'vm' as const, guestOs: pods.guestOs }
      d.workloads.push({ ...outer, id: 'hpc', nesting: { runsIn: 'legacy' } })
      d.workloads.push({ ...outer, id: 'legacy', nesting: { runsIn: 'hpc' } })
      d.workloads.push({ ...pods, id: 'jobs', nesting: { runsIn: 'hpc' } })
    })
    const byId = new Map(
      validateDesign(d)
        .filter((p) => p.severity === 'error' && /cycle/.test(p.message))
        .map((p) => [p.elementId, p.message]),
    )
    expect([...byId.keys()].sort()).toEqual(['hpc', 'jobs', 'legacy'])
    expect(byId.get('hpc')).toMatch(/^part of a runsIn cycle: "hpc" → "legacy" → "hpc"/)
    expect(byId.get('legacy')).toMatch(/^part of a runsIn cycle: "legacy" → "hpc" → "legacy"/)
    expect(byId.get('jobs')).toBe(
      'runs inside "hpc", which leads into a runsIn cycle: "hpc" → "legacy" → "hpc"',
    )
  })
})
