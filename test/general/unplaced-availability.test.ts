/**
 * Unplaced instances count against their tenant (issue 10): an instance the scheduler could not
 * place counts as down for the whole horizon, so a tenant with 4 of 10 instances placed never
 * reads "SLA met: yes". The verdict is checked where it shows: the run result, the provider
 * report, the tenant view and its report, and `strata simulate`. Expected values from arithmetic.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseDesign } from '../../src/main/engine/model/parse'
import { buildProviderReport } from '../../src/main/engine/reports/provider-report'
import { reportTables } from '../../src/main/engine/reports/model'
import { buildTenantReport } from '../../src/main/engine/reports/tenant-report'
import { simulate } from '../../src/main/engine/simulation'
import { projectTenantView } from '../../src/main/engine/tenancy'
import { METRICS } from '../../src/shared/metrics-glossary'
import type { Design } from '../../src/shared/design/schema'
import { strataIn } from '../support/strata-cli'
import { design, host, tenant, vm } from './closed-form-designs'

const dir = mkdtempSync(join(tmpdir(), 'strata-i10-unplaced-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const H = 7200
/** Memory per instance: 4 of them fill the host's 65,536 MiB, so 6 of 10 stay unplaced. */
const MEMORY_MIB = 16_384

/** Tenant `part` asks for 10 instances of which 4 fit; tenant `none` fits nowhere. */
function partlyPlaced(): Design {
  const rates = { basis: 'allocated' as const, vcpuHour: 1, memoryGiBHour: 0, storageGiBMonth: 0 }
  const input = design(
    'partly placed',
    {
      hosts: [host(0, { cores: 16, mipsPerCore: 1000, idleW: 100, busyW: 200 })],
      tenants: [
        { ...tenant('part', rates), slaAvailabilityPercent: 99 },
        { ...tenant('none', rates), slaAvailabilityPercent: 90 },
      ],
      workloads: [
        {
          ...vm(0, 'part', {
            vcpus: 1,
            mipsPerVcpu: 1000,
            memoryMiB: MEMORY_MIB,
            diskGiB: 0,
            percent: 50,
          }),
          count: 10,
        },
        vm(1, 'none', { vcpus: 1, mipsPerVcpu: 1000, memoryMiB: 70_000, diskGiB: 0, percent: 50 }),
      ],
    },
    { horizonS: H, stepS: 300, switchOffIdleHosts: true },
  )
  const parsed = parseDesign(input)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  return parsed.value
}

// Tenant `part`: up 4 × H, down (unplaced) 6 × H: 100 × 4 / 10 = 40 %.
const PART_PERCENT = (100 * (4 * H)) / (4 * H + 6 * H)
// Run mean over 11 instances: 4 at 100 %, 7 (6 + 1 unplaced) at 0 %.
const MEAN_PERCENT = (4 * 100) / 11

describe('unplaced instances count as down for the whole horizon', () => {
  const d = partlyPlaced()
  const r = simulate(d)

  it('in the run result', () => {
    expect(r.summary.unplacedInstances).toBe(7)
    const part = r.tenants.find((t) => t.tenantId === 'part')
    const none = r.tenants.find((t) => t.tenantId === 'none')
    expect(part?.unplacedInstances).toBe(6)
    expect(part?.availabilityPercent).toBeCloseTo(PART_PERCENT, 9)
    expect(part?.slaViolation).toBe(true)
    expect(none?.unplacedInstances).toBe(1)
    expect(none?.availabilityPercent).toBe(0)
    expect(none?.slaViolation).toBe(true)
    // Downtime tells the same story as availability: 6 × H and 1 × H instance-seconds.
    expect(part?.downtimeS).toBe(6 * H)
    expect(none?.downtimeS).toBe(H)
    for (const x of r.instances.filter((i) => i.status === 'unplaced')) expect(x.downtimeS).toBe(H)
    expect(r.summary.meanAvailabilityPercent).toBeCloseTo(MEAN_PERCENT, 9)
    // Billed for what ran: 4 vCPUs × 2 h.
    expect(part?.vcpuHours).toBeCloseTo(8, 9)
  })

  it('in the provider report', () => {
    const model = buildProviderReport({ design: d, simulation: r })
    const sla = reportTables(model).find((t) => t.id === 'tenant-sla')
    const col = (name: string) =>
      sla?.columns.findIndex((c) => (typeof c === 'string' ? c : c.label).startsWith(name)) ?? -1
    const row = sla?.rows.find((x) => x[0] === 'part')
    expect(Number(row?.[col(METRICS.deliveredAvailability.label)])).toBeCloseTo(PART_PERCENT, 4)
    expect(row?.[col(METRICS.availabilitySlaMet.label)]).toBe('no')
    expect(row?.[col(METRICS.unplacedInstances.label)]).toBe(6)
  })

  it('in the tenant view and the tenant report', () => {
    const projected = projectTenantView(d, 'part', { simulation: { result: r } })
    if (!projected.ok) throw new Error('no view')
    const { view } = projected
    expect(view.sla.violation).toBe(true)
    expect(view.sla.unplacedInstances).toBe(6)
    expect(view.sla.availabilityPercent).toBeCloseTo(PART_PERCENT, 9)
    const facts = buildTenantReport(view).sections.flatMap((s) =>
      s.blocks.flatMap((b) => (b.kind === 'facts' ? b.items : [])),
    )
    const fact = (label: string) => facts.find((i) => i[0] === label)?.[1]
    expect(fact(METRICS.availabilitySlaMet.label)).toBe('no')
    // availabilities print to 5 significant digits, trailing zeros dropped (4 h of 10 h = 40 %)
    expect(fact(METRICS.deliveredAvailability.label)).toBe(
      `${Number(PART_PERCENT.toPrecision(5))} %`,
    )
    expect(fact(METRICS.unplacedInstances.label)).toBe('6')
    // 6 unplaced instances × 7,200 s = 12 instance-hours (a sum over instances, not a span)
    expect(fact(METRICS.downtime.label)).toBe(`${((6 * H) / 3600).toFixed(2)} instance-hours`)
  })

  it('in strata simulate', async () => {
    const file = join(dir, 'partly.strata.json')
    writeFileSync(file, JSON.stringify(d))
    const { code, out: text } = await strataIn(dir, 'simulate', file)
    expect(code).toBe(0)
    expect(text).toContain(
      `tenant part: delivered availability ${PART_PERCENT.toFixed(4)} % of 99 % promised (availability sla met: no, 6 of 10 instances unplaced, counted as down)`,
    )
    expect(text).toContain('tenant none: delivered availability 0.0000 % of 90 % promised')
  })
})
