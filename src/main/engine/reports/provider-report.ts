/**
 * The provider's report: design summary, topology picture, placement with refusals and
 * their reasons, utilization, power and energy, migrations, failures, SLA, and per-tenant
 * usage and bills. Parts without results say what is missing instead of being left out.
 */
import { instanceLabel } from '../../../shared/design/instance-label'
import type { PlacementResult } from '../../../shared/domain/placement'
import {
  placedOnHostsText,
  placementOrderWords,
  refusalKinds,
  refusedText,
  usedHostCount,
} from '../../../shared/domain/placement-words'
import type { SimulationResult } from '../../../shared/domain/simulation-result'
import type { Design } from '../../../shared/design/schema'
import { duration, num } from './format'
import type { ReportBlock, ReportModel, ReportSection } from './model'
import { runSections } from './run-sections'
import { providerNetworkSections } from './network-sections'
import { providerStorageSections } from './storage-sections'
import { topologySvg } from './topology-svg'

export interface ProviderReportInput {
  design: Design
  placement?: PlacementResult
  simulation?: SimulationResult
  /** Things the reader should know first (e.g. why nothing was simulated). */
  notes?: string[]
}

const TABLE_LIMIT = 200

function designSection(d: Design): ReportSection {
  const cores = d.hosts.reduce((n, h) => n + h.sockets * h.coresPerSocket, 0)
  const memoryGiB = d.hosts.reduce((n, h) => n + h.memoryMiB, 0) / 1024
  const instances = d.workloads.reduce((n, w) => n + w.count, 0)
  const s = d.simulation
  const blocks: ReportBlock[] = [
    {
      kind: 'facts',
      items: [
        ['Zones / racks', `${d.zones.length} / ${d.racks.length}`],
        ['Hosts', `${d.hosts.length} (${num(cores)} cores, ${num(memoryGiB)} GiB memory)`],
        ['Switches / links', `${d.switches.length} / ${d.links.length}`],
        ['Storage systems', String(d.storage.length)],
        ['Tenants', String(d.tenants.length)],
        ['Workloads / instances', `${d.workloads.length} / ${num(instances)}`],
        [
          'Simulation',
          `policy ${s.policy}, horizon ${duration(s.horizonS)}, step ${s.stepS} s, seed ${s.seed}, placement ${s.placement.preset}, failures ${s.failures.mode}`,
        ],
      ],
    },
  ]
  if (d.meta.description) blocks.unshift({ kind: 'text', text: d.meta.description })
  blocks.push({
    kind: 'table',
    table: {
      id: 'hosts',
      title: 'Hosts',
      columns: ['host', 'rack', 'virtualization', 'cores', 'MIPS per core', 'memory GiB', 'state'],
      rows: d.hosts.map((h) => [
        h.name || h.id,
        d.racks.find((r) => r.id === h.rackId)?.name ?? '',
        h.virtualization.product,
        h.sockets * h.coresPerSocket,
        h.mipsPerCore,
        h.memoryMiB / 1024,
        h.state,
      ]),
      displayLimit: TABLE_LIMIT,
    },
  })
  return { id: 'design', title: 'Design summary', blocks }
}

function placementSection(
  p: PlacementResult | undefined,
  names: Map<string, string>,
): ReportSection {
  if (!p)
    return {
      id: 'placement',
      title: 'Placement',
      blocks: [{ kind: 'text', text: 'No placement was run for this report.' }],
    }
  const reasons = new Map<string, number>()
  for (const u of p.unplaced)
    for (const r of u.reasons) reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1)
  return {
    id: 'placement',
    title: 'Placement',
    blocks: [
      {
        kind: 'facts',
        items: [
          [
            'Placed',
            placedOnHostsText({
              placedCount: p.placed.length,
              instanceCount: p.instanceCount,
              ...(p.hostCount === undefined ? {} : { hostCount: p.hostCount }),
              usedHostCount: usedHostCount(p.placed),
            }),
          ],
          [
            'Refused',
            refusedText({
              placedCount: p.placed.length,
              instanceCount: p.instanceCount,
              usedHostCount: 0,
              order: p.order,
              refusedFor: refusalKinds(p.unplaced),
            }),
          ],
          [
            'Policy',
            `${p.preset} (weights: ${Object.entries(p.weights)
              .map(([k, v]) => `${k} ${v}`)
              .join(', ')}), seed ${p.seed}`,
          ],
          ['Order', placementOrderWords({ order: p.order })],
        ],
      },
      {
        kind: 'table',
        table: {
          id: 'refusals',
          title: 'Refused instances and why',
          columns: ['instance', 'tenant', 'why'],
          rows: p.unplaced.map((u) => [
            instanceLabel(u.instanceId, (id) => names.get(id)),
            names.get(u.tenantId) ?? u.tenantId,
            u.summary,
          ]),
          displayLimit: TABLE_LIMIT,
        },
      },
      {
        kind: 'table',
        table: {
          id: 'refusal-reasons',
          title: 'Reasons hosts were rejected for refused instances',
          columns: ['reason', 'refused instances it applied to'],
          rows: [...reasons].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
        },
      },
      {
        kind: 'table',
        table: {
          id: 'host-usage',
          title: 'Host use after placement',
          columns: [
            'host',
            'instances',
            'vCPUs used',
            'vCPUs allocatable',
            'memory MiB used',
            'memory MiB allocatable',
            'disk GiB used',
          ],
          rows: p.hostUsage.map((u) => [
            names.get(u.hostId) ?? u.hostId,
            u.instances,
            u.vcpusUsed,
            u.vcpusAllocatable,
            u.memoryMiBUsed,
            u.memoryMiBAllocatable,
            u.diskGiBUsed,
          ]),
          displayLimit: TABLE_LIMIT,
        },
      },
    ],
  }
}

/** Display names of a design's hosts, tenants, switches, storage, racks and workloads, by id. */
export function displayNames(d: Design): Map<string, string> {
  const names = new Map<string, string>()
  for (const list of [d.hosts, d.tenants, d.switches, d.storage, d.racks, d.workloads] as const)
    for (const x of list) names.set(x.id, x.name || x.id)
  return names
}

/**
 * The sections of a run's fabric and storage (network, storage) as the provider's report
 * builds them: none when the run modelled neither (CloudSim-compatible runs, designs without
 * traffic or storage demand). For other readers of the same figures (the CLI's text).
 */
export function fabricSections(d: Design, r: SimulationResult | undefined): ReportSection[] {
  const names = displayNames(d)
  return [...providerNetworkSections(d, r, names), ...providerStorageSections(r, names)]
}

/** Builds the provider's full report. */
export function buildProviderReport(input: ProviderReportInput): ReportModel {
  const d = input.design
  const names = displayNames(d)
  return {
    title: d.meta.name,
    subtitle: 'Datacenter report',
    audience: 'provider',
    sections: [
      ...(input.notes?.length
        ? [
            {
              id: 'notes',
              title: 'Notes',
              blocks: input.notes.map((text) => ({ kind: 'text' as const, text })),
            },
          ]
        : []),
      designSection(d),
      {
        id: 'topology',
        title: 'Topology',
        blocks: [{ kind: 'picture', title: 'Topology as drawn', svg: topologySvg(d) }],
      },
      placementSection(input.placement, names),
      ...runSections(d, input.simulation, names),
      ...providerNetworkSections(d, input.simulation, names),
      ...providerStorageSections(input.simulation, names),
    ],
  }
}
