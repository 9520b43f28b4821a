/**
 * The tenant view's lost CPU in vCPU-hours (review s5 #9: "301,681,315.43 MI" was unreadable):
 * an instance that asked for R million instructions and got A lost (R − A) / MIPS-per-vCPU
 * vCPU-seconds. Expected values are that arithmetic over the run's own records of the sample.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Design } from '../../../shared/design/schema'
import { parseDesign } from '../model/parse'
import { createScheduler } from '../scheduler'
import { simulate } from '../simulation'
import { projectTenantView } from './index'

function sample(): Design {
  const raw: unknown = JSON.parse(readFileSync('resources/samples/two-hall.strata.json', 'utf8'))
  const parsed = parseDesign(raw)
  if (!parsed.ok) throw new Error('sample does not parse')
  return parsed.value
}

describe('lost CPU in a tenant view', () => {
  const design = sample()
  const placement = createScheduler(design).placeAll()
  const result = simulate(design)

  it.each(design.tenants.map((t) => t.id))('is Σ (requested − allocated) / MIPS for %s', (id) => {
    const r = projectTenantView(design, id, { placement, simulation: { result } })
    if (!r.ok) throw new Error('no view')
    const mips = new Map(design.workloads.map((w) => [w.id, w.mipsPerVcpu]))
    const expectedH =
      result.instances
        .filter((i) => i.tenantId === id)
        .reduce(
          (s, i) =>
            s + Math.max(0, i.requestedCpuMi - i.allocatedCpuMi) / (mips.get(i.workloadId) ?? 1),
          0,
        ) / 3600
    expect(r.view.sla.stealVcpuHours).toBeCloseTo(expectedH, 9)
    expect(r.view.sla.stealCpuMi).toBeGreaterThanOrEqual(0)
  })

  it('is absent without a run, and without per-instance records', () => {
    const none = projectTenantView(design, 't-globex', { placement })
    if (!none.ok) throw new Error('no view')
    expect(none.view.sla.stealVcpuHours).toBeUndefined()
    const lean = projectTenantView(design, 't-globex', {
      placement,
      simulation: { result: { ...result, instances: [] } },
    })
    if (!lean.ok) throw new Error('no view')
    expect(lean.view.sla.stealCpuMi).toBeDefined()
    expect(lean.view.sla.stealVcpuHours).toBeUndefined()
  })
})

describe('lost CPU split into contention and interference (review s6 #2)', () => {
  const design = sample()
  const placement = createScheduler(design).placeAll()
  const result = simulate(design)

  it.each(design.tenants.map((t) => t.id))(
    'the interference part is Σ min(lost, interference) of the run for %s',
    (id) => {
      const r = projectTenantView(design, id, { placement, simulation: { result } })
      if (!r.ok) throw new Error('no view')
      const own = result.instances.filter((i) => i.tenantId === id)
      const asked = own.reduce((s, i) => s + i.requestedCpuMi, 0)
      const lost = Math.max(0, asked - own.reduce((s, i) => s + i.allocatedCpuMi, 0))
      const interference = own.reduce((s, i) => s + i.interferenceLostMi, 0)
      expect(r.view.sla.stealCpuMi).toBeCloseTo(lost, 3)
      expect(r.view.sla.interferenceLostCpuMi).toBeCloseTo(Math.min(lost, interference), 3)
    },
  )
})
