/**
 * The network sections of the reports, checked by arithmetic: time saturated from a series
 * (each instant held until the next, the last until the horizon), GB = Gbps × s / 8 on a small
 * simulated fabric, migrations' copy time Σ (end − start), and the tenant's sentences.
 */
import { describe, expect, it } from 'vitest'
import type { DesignInput } from '../../../shared/design/schema'
import type { NetworkLinkUsage } from '../../../shared/domain/network-result'
import type { SimulationResult } from '../../../shared/domain/simulation-result'
import { virtualBottlenecks } from '../../../shared/domain/virtual-network-text'
import { treeDesign } from '../network/tree-design.test-util'
import { simulate } from '../simulation'
import { projectTenantView } from '../tenancy'
import { reportTables, type ReportModel } from './model'
import { linkUsers } from './link-users'
import { migrationNetworkS, saturatedS } from './network-sections'
import { buildProviderReport } from './provider-report'
import { buildTenantReport } from './tenant-report'

const link = (series: number[]): NetworkLinkUsage => ({
  id: 'l',
  kind: 'link',
  capacityGbps: 10,
  peakUtilization: Math.max(...series),
  meanUtilization: 0,
  utilizationSeries: series,
})

const table = (model: ReportModel, id: string) => reportTables(model).find((t) => t.id === id)
const facts = (model: ReportModel, sectionId: string) =>
  new Map(
    model.sections
      .find((s) => s.id === sectionId)
      ?.blocks.flatMap((b) => (b.kind === 'facts' ? b.items : [])),
  )

describe('saturatedS and migrationNetworkS', () => {
  it('counts the intervals at ≥ 99.9 %, the last held until the horizon', () => {
    // instants 0, 300, 600, 900; saturated at 300 (300 s) and 900 (until 1,200: 300 s)
    expect(saturatedS(link([0.5, 1, 0.998, 0.9995]), [0, 300, 600, 900], 1200)).toBe(600)
    expect(saturatedS(link([1, 1]), [0, 300], 300)).toBe(300)
    expect(saturatedS(link([0.2]), [0], 3600)).toBe(0)
  })

  it('sums the migrations’ copy times', () => {
    const r = {
      migrations: [
        { startS: 100, endS: 106.87 },
        { startS: 500, endS: 520 },
      ],
    } as unknown as SimulationResult
    expect(migrationNetworkS(r)).toBeCloseTo(6.87 + 20, 9)
  })
})

type WorkloadInput = NonNullable<DesignInput['workloads']>[number]
/** One instance per 256 GiB host (200,000 MiB each), so a and b sit on different hosts. */
const workload = (id: string, name: string, traffic?: WorkloadInput['traffic']): WorkloadInput => ({
  id,
  tenantId: 't1',
  name,
  kind: 'vm',
  count: 1,
  vcpus: 1,
  mipsPerVcpu: 1000,
  memoryMiB: 200_000,
  diskGiB: 10,
  guestOs: 'linux',
  traffic,
})

describe('network sections on a simulated fabric (H = 3600 s)', () => {
  // a sends 15 Gbps to b over 10 Gbps host links: 10 carried, 5 not, for the whole hour.
  const design = treeDesign({
    racks: 1,
    hostsPerRack: 2,
    aggregations: 0,
    extra: {
      tenants: [{ id: 't1', name: 'One', colour: '#1f77b4', pricing: { vcpuHour: 0 } }],
      workloads: [
        workload('a', 'web', { eastWest: [{ peerWorkloadId: 'b', sendGbps: 15 }] }),
        workload('b', 'db'),
      ],
      simulation: { horizonS: 3600, stepS: 300, policy: 'dvfs' },
    },
  })
  const result = simulate(design, { hostSeries: false })

  it('the provider sees both host links saturated all hour and web as the top talker', () => {
    const model = buildProviderReport({ design, simulation: result })
    const links = table(model, 'network-links')
    const rows = links?.rows.slice(0, 2) ?? []
    expect(rows.map((r) => r[3])).toEqual([3600, 3600])
    expect(rows.map((r) => r[4])).toEqual([100, 100])
    expect(rows.every((r) => String(r[0]).includes('↔ tor0'))).toBe(true)
    expect(rows.map((r) => r[6])).toEqual(['One', 'One'])
    expect(links?.rows[2]?.[6]).toBe('') // no one declares north-south traffic
    expect(links?.rows[2]?.[3]).toBe(0) // the uplink carries nothing
    const talkers = table(model, 'network-top-talkers')
    expect(talkers?.rows[0]?.slice(0, 2)).toEqual(['One', 'web'])
    expect(talkers?.rows[0]?.[2]).toBeCloseTo((10 * 3600) / 8, 6)
    expect(talkers?.rows[0]?.[3]).toBeCloseTo((5 * 3600) / 8, 6)
    expect(talkers?.rows[0]?.[4]).toBeCloseTo((5 / 15) * 100, 6)
    const f = facts(model, 'network')
    expect(f.get('Traffic delivered')).toBe('4,500.0 GB')
    expect(f.get('of which in from outside (ingress)')).toBe('0.0 GB')
    expect(f.get('Traffic not carried')).toBe('2,250.0 GB (33.3 %)')
    // 2 host links and the external uplink: named apart, as the status bar counts links alone
    expect(f.get('Saturated links')).toBe('2 of 2 links and 1 uplink')
  })

  it('the tenant reads the same in virtual terms: web → db, 15 Gbps declared, a third not carried', () => {
    const projected = projectTenantView(design, 't1', { simulation: { result } })
    if (!projected.ok) throw new Error('no tenant')
    const vn = projected.view.virtualNetwork
    // not carried 5 Gbps × 3600 s / 8 = 2250 GB of 15 × 3600 / 8 = 6750 GB asked
    expect(vn && virtualBottlenecks(vn)).toEqual([
      'Traffic from web (to db) was limited: 2250.00 GB of 6750.00 GB not carried (33.3 %).',
    ])
    const model = buildTenantReport(projected.view)
    expect(table(model, 'virtual-links')?.rows).toEqual([['web', 'db', 15]])
    const f = facts(model, 'network')
    expect(f.get('Traffic sent (billed)')).toBe('4,500.00 GB')
    expect(f.get('Traffic received from the internet')).toBe('0.00 GB')
    expect(f.get('Traffic not carried')).toBe('2,250.00 GB (33.3 %)')
  })

  it('no traffic, no network section', () => {
    const quiet = { ...design, workloads: design.workloads.map(({ traffic: _t, ...w }) => w) }
    const model = buildProviderReport({ design: quiet, simulation: simulate(quiet) })
    expect(model.sections.some((s) => s.id === 'network')).toBe(false)
  })
})

describe('linkUsers', () => {
  it('names the tenants routed over each link and the links migrations crossed', () => {
    // two racks of one host under one aggregation and one core switch with the uplink `up`
    const tenant = (id: string) => ({ id, name: id, colour: '#1f77b4', pricing: { vcpuHour: 0 } })
    const wl = (id: string, tenantId: string, traffic?: WorkloadInput['traffic']) => ({
      ...workload(id, id, traffic),
      tenantId,
    })
    const design = treeDesign({
      racks: 2,
      hostsPerRack: 1,
      aggregations: 1,
      extra: {
        tenants: [tenant('t1'), tenant('t2')],
        workloads: [
          wl('a', 't1', { eastWest: [{ peerWorkloadId: 'b', sendGbps: 1 }] }),
          wl('b', 't1'),
          wl('c', 't2', { eastWest: [], egressGbps: 1 }),
        ],
      },
    })
    const on = (workloadId: string, hostId: string) =>
      ({ instanceId: `${workloadId}#0`, workloadId, finalHostId: hostId }) as never
    const users = linkUsers(design, {
      instances: [on('a', 'h0-0'), on('b', 'h1-0'), on('c', 'h0-0')],
      migrations: [{ fromHostId: 'h1-0', toHostId: 'h0-0' } as never],
    })
    const of = (id: string) => [...(users?.tenants.get(id) ?? [])].sort()
    // a → b: h0-0, tor0, agg0, tor1, h1-0; c → outside: h0-0, tor0, agg0, core0, up
    expect(of('l-h0-0')).toEqual(['t1', 't2'])
    expect(of('l-tor0-agg0')).toEqual(['t1', 't2'])
    expect(of('l-tor1-agg0')).toEqual(['t1'])
    expect(of('l-h1-0')).toEqual(['t1'])
    expect(of('l-agg0-core0')).toEqual(['t2'])
    expect(of('up')).toEqual(['t2'])
    expect([...(users?.migrations ?? [])].sort()).toEqual(
      ['l-h0-0', 'l-h1-0', 'l-tor0-agg0', 'l-tor1-agg0'].sort(),
    )
    expect(
      linkUsers(design, { instances: [on('a', 'h0-0'), on('b', 'h1-0')], migrations: [] }, 0),
    ).toBeUndefined()
  })
})
