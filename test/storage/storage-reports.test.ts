/**
 * Storage in the reports and the tenant view (issue 17): the provider's report has a storage
 * section naming who saturates which system; a tenant's view and report carry only its own
 * I/O figures, never a storage system or another tenant.
 */
import { describe, expect, it } from 'vitest'
import { parseDesign } from '../../src/main/engine/model/parse'
import { buildProviderReport, buildTenantReport } from '../../src/main/engine/reports'
import { simulate } from '../../src/main/engine/simulation'
import { projectTenantView } from '../../src/main/engine/tenancy'
import { MONTH_S, tenant } from '../general/closed-form-designs'
import { ioVm, RATES, san, storageDesign } from './storage-designs'

const constant = { profile: 'constant', meanPercent: 100 } as const
const parsed = parseDesign(
  storageDesign({
    storage: [san('san-east', 10_000)],
    tenants: [
      { ...tenant('acme', RATES), storageQos: { minIops: 6_000 } },
      { ...tenant('globex', RATES), storageQos: { minIops: 2_000 } },
    ],
    workloads: [
      ioVm(0, 'acme', { peakIops: 12_000, readPercent: 100, profile: constant }),
      ioVm(1, 'globex', { peakIops: 8_000, readPercent: 100, profile: constant }),
    ],
  }),
)
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
const design = parsed.value
const result = simulate(design, { hostSeries: false })

describe('storage in the reports', () => {
  it('gives the provider a storage section naming who saturates which system', () => {
    const report = buildProviderReport({ design, simulation: result })
    const section = report.sections.find((s) => s.id === 'storage')
    expect(section).toBeDefined()
    const tables = section?.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []))
    const systems = tables?.find((t) => t.id === 'storage-systems')
    expect(systems?.rows[0]?.[0]).toBe('san-east')
    // mean IOPS utilization 100 %, saturated mostly by acme (7,000 of 10,000 IOPS).
    expect(systems?.rows[0]?.[2]).toBeCloseTo(100, 9)
    expect(systems?.rows[0]?.[8]).toBe('acme')
    const perTenant = tables?.find((t) => t.id === 'storage-tenants')
    expect(perTenant?.rows.map((r) => [r[1], r[2]])).toEqual([
      ['acme', expect.closeTo(7_000, 6)],
      ['globex', expect.closeTo(3_000, 6)],
    ])
  })

  it('gives each tenant its own I/O, and nothing of the system or the other tenant', () => {
    const projected = projectTenantView(design, 'globex', { simulation: { result } })
    if (!projected.ok) throw new Error(projected.reason)
    const view = projected.view
    expect(view.storage?.meanServedIops).toBeCloseTo(3_000, 6)
    expect(view.storage?.meanNotServedIops).toBeCloseTo(5_000, 6)
    const report = buildTenantReport(view)
    expect(report.sections.some((s) => s.id === 'storage')).toBe(true)
    const text = JSON.stringify({ view, report })
    expect(text).not.toContain('san-east')
    expect(text).not.toContain('acme')
  })

  it('estimates the provisioned-IOPS line before any run, as the simulation bills it', () => {
    const priced = parseDesign(
      storageDesign({
        storage: [san('s0', 10_000)],
        tenants: [{ ...tenant('a', RATES), pricing: { ...RATES, provisionedIopsMonth: 0.065 } }],
        workloads: [ioVm(0, 'a', undefined, { iops: 3_000 })],
      }),
    )
    if (!priced.ok) throw new Error('bad design')
    const projected = projectTenantView(priced.value, 'a')
    if (!projected.ok) throw new Error(projected.reason)
    const line = projected.view.bill.lines.find((l) => l.item === 'provisioned-iops-months')
    // 3,000 IOPS over the 3,600 s horizon, in 30-day months.
    expect(projected.view.bill.source).toBe('estimate')
    expect(line?.quantity).toBeCloseTo((3_000 * 3_600) / MONTH_S, 6)
  })

  it('has no storage section when the run did not model storage', () => {
    const plain = parseDesign(
      storageDesign({ storage: [san('s0', 10_000)], workloads: [ioVm(0, 'a', undefined)] }),
    )
    if (!plain.ok) throw new Error('bad design')
    const r = simulate(plain.value, { hostSeries: false })
    const report = buildProviderReport({ design: plain.value, simulation: r })
    expect(report.sections.some((s) => s.id === 'storage')).toBe(false)
  })
})
