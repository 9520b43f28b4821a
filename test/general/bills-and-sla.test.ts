/**
 * Bills that explain themselves and one SLA vocabulary (issue 10): each bill line states its
 * basis and shows allocated, used and billed quantities; bills in different currencies are
 * never summed or drawn on one axis; memory from traces is billed on the used basis and
 * overcommitted memory shows as memory pressure; the report and the CLI name the SLA figures
 * as the shared glossary does, and no verdict contradicts the figures beside it. Expected
 * values from arithmetic.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseDesign } from '../../src/main/engine/model/parse'
import { buildProviderReport } from '../../src/main/engine/reports/provider-report'
import { reportCharts, reportTables } from '../../src/main/engine/reports/model'
import { simulate } from '../../src/main/engine/simulation'
import { METRICS } from '../../src/shared/metrics-glossary'
import type { Design, DesignInput } from '../../src/shared/design/schema'
import { strataIn } from '../support/strata-cli'
import { design, host, tenant, vm } from './closed-form-designs'

function parse(input: DesignInput): Design {
  const parsed = parseDesign(input)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  return parsed.value
}

const dir = mkdtempSync(join(tmpdir(), 'strata-i10-bills-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Two tenants (USD on allocated, EUR on used), one host, 2 h; EUR's VM has a memory trace. */
function twoCurrencies(): Design {
  const input = design(
    'two currencies',
    {
      hosts: [host(0, { cores: 4, mipsPerCore: 1000, idleW: 100, busyW: 200 })],
      tenants: [
        tenant('usd', { basis: 'allocated', vcpuHour: 1, memoryGiBHour: 0.5, storageGiBMonth: 0 }),
        {
          ...tenant('eur', {
            basis: 'used',
            currency: 'EUR',
            vcpuHour: 2,
            memoryGiBHour: 1,
            storageGiBMonth: 3,
          }),
          slaAvailabilityPercent: 99,
        },
      ],
      workloads: [
        vm(0, 'usd', { vcpus: 1, mipsPerVcpu: 1000, memoryMiB: 2048, diskGiB: 0, percent: 50 }),
        {
          ...vm(1, 'eur', {
            vcpus: 2,
            mipsPerVcpu: 1000,
            memoryMiB: 4096,
            diskGiB: 30,
            percent: 0,
          }),
          traceId: 'm',
        },
      ],
      traces: [
        { id: 'm', name: 'm', intervalS: 3600, cpuPercent: [25, 75], memoryPercent: [50, 25] },
      ],
    },
    { horizonS: 7200, stepS: 300, switchOffIdleHosts: true },
  )
  return parse(input)
}

describe('bills', () => {
  it('state each line’s basis with allocated, used and billed quantities (arithmetic)', () => {
    const r = simulate(twoCurrencies())
    const usd = r.tenants.find((t) => t.tenantId === 'usd')
    const eur = r.tenants.find((t) => t.tenantId === 'eur')
    // USD: 1 vCPU at 50 % for 2 h, 2 GiB reserved; allocated basis.
    const usdCpu = usd?.bill.lines.find((l) => l.item === 'vcpu-hours')
    expect(usdCpu).toMatchObject({ basis: 'allocated', allocatedQuantity: 2, usedQuantity: 1 })
    expect(usdCpu?.quantity).toBe(2)
    expect(usd?.bill.total).toBeCloseTo(2 * 1 + 4 * 0.5, 2)
    // EUR: 2 vCPUs at 25 % then 75 % (1 h each): used 0.5 + 1.5 = 2 vCPU-h of 4 allocated.
    // Memory 4 GiB at 50 % then 25 %: used 2 + 1 = 3 GiB-h of 8 reserved.
    // Storage 30 GiB × 2 h / 720 h per month, billed as provisioned.
    const line = (item: string) => eur?.bill.lines.find((l) => l.item === item)
    expect(line('vcpu-hours')).toMatchObject({
      basis: 'used',
      allocatedQuantity: 4,
      usedQuantity: 2,
      quantity: 2,
    })
    expect(line('memory-gib-hours')).toMatchObject({
      basis: 'used',
      allocatedQuantity: 8,
      usedQuantity: 3,
      quantity: 3,
    })
    expect(line('storage-gib-months')?.basis).toBe('allocated')
    const storage = (30 * 2) / 720
    expect(Math.abs((eur?.bill.total ?? 0) - (2 * 2 + 3 * 1 + storage * 3))).toBeLessThan(0.005)
    expect(eur?.bill.currency).toBe('EUR')
    expect(r.summary.memoryPressureGiBHours).toBe(0)
  })

  it('in different currencies are never summed or drawn on one axis', () => {
    const d = twoCurrencies()
    const r = simulate(d)
    const model = buildProviderReport({ design: d, simulation: r })
    const cost = reportCharts(model).filter((c) => c.id.startsWith('tenant-cost'))
    expect(cost.map((c) => c.yUnit).sort()).toEqual(['EUR', 'USD'])
    for (const c of cost) expect(c.series).toHaveLength(1)
    const bills = reportTables(model).find((t) => t.id === 'bills')
    expect(bills?.rows.map((row) => row[3]).sort()).toEqual(['EUR', 'USD'])
    expect(bills?.rows.some((row) => String(row[0]).toLowerCase() === 'total')).toBe(false)
    const lines = reportTables(model).find((t) => t.id === 'bill-lines')
    expect(lines?.columns).toEqual(
      expect.arrayContaining(['basis', 'allocated', 'used', 'billed', 'currency']),
    )
  })
})

describe('memory pressure', () => {
  it('records memory used beyond physical memory where memory is overcommitted', () => {
    // Host: 65,536 MiB physical, memory allocation ratio 2. Two VMs of 49,152 MiB each, fully
    // in use (no memory trace): 98,304 MiB in use, 32,768 MiB (32 GiB) short for 1 h.
    const input = design(
      'pressure',
      {
        hosts: [
          {
            ...host(0, { cores: 4, mipsPerCore: 1000, idleW: 100, busyW: 200 }),
            memoryAllocationRatio: 2,
          },
        ],
        tenants: [
          tenant('t', { basis: 'used', vcpuHour: 0, memoryGiBHour: 1, storageGiBMonth: 0 }),
        ],
        workloads: [0, 1].map((i) =>
          vm(i, 't', { vcpus: 1, mipsPerVcpu: 1000, memoryMiB: 49_152, diskGiB: 0, percent: 10 }),
        ),
      },
      { horizonS: 3600, stepS: 300, switchOffIdleHosts: true },
    )
    const r = simulate(parse(input))
    expect(r.summary.unplacedInstances).toBe(0)
    expect(r.summary.memoryPressureGiBHours).toBeCloseTo(32, 9)
  })
})

describe('one SLA vocabulary', () => {
  it('the report and the CLI name the figures as the glossary does; verdicts agree with figures', async () => {
    const d = twoCurrencies()
    d.simulation.failures = {
      mode: 'schedule',
      schedule: [{ hostId: 'h0', atS: 600, repairS: 120 }],
    }
    const r = simulate(d)
    const model = buildProviderReport({ design: d, simulation: r })
    const facts = model.sections.flatMap((s) =>
      s.blocks.flatMap((b) => (b.kind === 'facts' ? b.items.map((i) => i[0]) : [])),
    )
    for (const id of [
      'slatah',
      'pdm',
      'slav',
      'overallSlaViolation',
      'averageSlaViolation',
    ] as const)
      expect(facts).toContain(METRICS[id].label)
    expect(METRICS.slatah.label).toMatch(/CloudSim/)
    const sla = reportTables(model).find((t) => t.id === 'tenant-sla')
    const col = (name: string) =>
      sla?.columns.findIndex((c) => (typeof c === 'string' ? c : c.label).startsWith(name)) ?? -1
    const promised = col(METRICS.promisedAvailability.label)
    const delivered = col(METRICS.deliveredAvailability.label)
    const verdict = col(METRICS.availabilitySlaMet.label)
    expect(Math.min(promised, delivered, verdict)).toBeGreaterThanOrEqual(0)
    for (const row of sla?.rows ?? [])
      expect(row[verdict]).toBe(Number(row[delivered]) >= Number(row[promised]) ? 'yes' : 'no')
    // 120 s down of 7200: 98.333 % delivered; EUR was promised 99 %, so not met.
    const eur = r.tenants.find((t) => t.tenantId === 'eur')
    expect(eur?.availabilityPercent).toBeCloseTo(100 * (1 - 120 / 7200), 9)
    expect(eur?.slaViolation).toBe(true)

    const file = join(dir, 'two.strata.json')
    writeFileSync(file, JSON.stringify(d))
    const { code, out: text } = await strataIn(dir, 'simulate', file)
    expect(code).toBe(0)
    for (const id of [
      'slatah',
      'pdm',
      'slav',
      'overallSlaViolation',
      'averageSlaViolation',
    ] as const)
      expect(text).toContain(METRICS[id].label)
    expect(text).toMatch(
      /tenant eur: delivered availability 98\.3333 % of 99 % promised \(availability sla met: no\)/,
    )
    expect(text).toMatch(
      /Memory \(billed on used\) +allocated 7\.87 · used 2\.93 · billed 2\.93 GiB-hours/,
    )
    expect(text).toMatch(/bill 7\.15 EUR on used capacity/)
  })
})
