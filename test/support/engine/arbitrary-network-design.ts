/**
 * fast-check arbitraries for small random designs with a switched fabric and traffic (issue
 * 17): racks of hosts under ToR switches, a core switch with an external uplink, and tenants
 * whose workloads send east-west to their own peers and north-south to the internet. Link
 * capacities are small enough that runs congest. Every id and name carries a kind prefix and
 * a per-design salt (`lnk-tor0-qzkfa`, `TorName0qzkfa`), so a test can search serialized
 * payloads for them by plain substring without false hits.
 */
import fc from 'fast-check'
import { CURRENT_SCHEMA_VERSION } from '../../../src/shared/design/enums'
import type { Design, DesignInput } from '../../../src/shared/design/schema'
import { parseDesign } from '../../../src/main/engine/model/parse'

const workloadSpec = fc.record({
  count: fc.integer({ min: 1, max: 3 }),
  vcpus: fc.integer({ min: 1, max: 4 }),
  peers: fc.array(
    fc.record({ to: fc.nat(), gbps: fc.double({ min: 0.5, max: 15, noNaN: true }) }),
    {
      maxLength: 2,
    },
  ),
  egressGbps: fc.constantFrom(0, 0, 1, 4),
  ingressGbps: fc.constantFrom(0, 0, 2),
  profile: fc.boolean(),
})
const tenantSpec = fc.record({
  network: fc.boolean(),
  workloads: fc.array(workloadSpec, { minLength: 1, maxLength: 3 }),
})

/** Random valid designs with switches, links, an uplink and traffic (defaults applied). */
export function arbitraryNetworkDesign(): fc.Arbitrary<Design> {
  return fc
    .record({
      salt: fc.stringMatching(/^[a-z]{5}$/),
      racks: fc.integer({ min: 1, max: 2 }),
      hostsPerRack: fc.integer({ min: 1, max: 3 }),
      torUplinkGbps: fc.constantFrom(5, 10, 40),
      uplinkGbps: fc.constantFrom(1, 5, 20),
      tenants: fc.array(tenantSpec, { minLength: 1, maxLength: 3 }),
    })
    .map(build)
}

type Spec = {
  salt: string
  racks: number
  hostsPerRack: number
  torUplinkGbps: number
  uplinkGbps: number
  tenants: Array<{
    network: boolean
    workloads: Array<typeof workloadSpec extends fc.Arbitrary<infer W> ? W : never>
  }>
}

function build(spec: Spec): Design {
  const s = spec.salt
  const core = `cor-0-${s}`
  const switches: unknown[] = [
    { id: core, name: `CorName${s}`, tier: 'core', ports: 64, portGbps: 100 },
  ]
  const links: unknown[] = []
  const hosts: unknown[] = []
  const racks: unknown[] = []
  for (let r = 0; r < spec.racks; r++) {
    const rack = `rak-${r}-${s}`
    const tor = `tor-${r}-${s}`
    racks.push({ id: rack, name: `RakName${r}${s}` })
    switches.push({ id: tor, name: `TorName${r}${s}`, tier: 'access', ports: 64, portGbps: 10 })
    links.push({
      id: `lnk-tor${r}-${s}`,
      sourceId: tor,
      targetId: core,
      bandwidthGbps: spec.torUplinkGbps,
      latencyMs: 0,
    })
    for (let i = 0; i < spec.hostsPerRack; i++) {
      const id = `hst-${r}x${i}-${s}`
      hosts.push({
        id,
        name: `HstName${r}x${i}${s}`,
        rackId: rack,
        sockets: 1,
        coresPerSocket: 8,
        mipsPerCore: 1000,
        memoryMiB: 65_536,
        diskGiB: 1000,
        nicGbps: 10,
        cpuExtensions: 'vt-x',
        powerCurveW: Array.from({ length: 11 }, (_, k) => 100 + 10 * k),
        virtualization: { kind: 'hvm', product: 'kvm', hostOs: 'linux' },
      })
      links.push({
        id: `lnk-${r}x${i}-${s}`,
        sourceId: id,
        targetId: tor,
        bandwidthGbps: 10,
        latencyMs: 0,
      })
    }
  }
  const tenants: unknown[] = []
  const networks: unknown[] = []
  const workloads: unknown[] = []
  spec.tenants.forEach((t, ti) => {
    const tenantId = `ten-${ti}-${s}`
    tenants.push({
      id: tenantId,
      name: `TenName${ti}${s}`,
      colour: '#336699',
      pricing: { vcpuHour: 0.02, transferGB: 0.01 },
    })
    const networkId = `net-${ti}-${s}`
    if (t.network)
      networks.push({
        id: networkId,
        tenantId,
        name: `NetName${ti}${s}`,
        kind: 'vxlan',
        segmentId: 5000 + ti,
        cidr: '10.0.0.0/24',
      })
    const ids = t.workloads.map((_w, wi) => `wkl-${ti}x${wi}-${s}`)
    t.workloads.forEach((w, wi) => {
      const peers = w.peers
        .map((p) => ({ peerWorkloadId: ids[p.to % ids.length] as string, sendGbps: p.gbps }))
        .filter(
          // A workload may talk to itself (between its own instances), as in the sample.
          (p, i, all) => all.findIndex((q) => q.peerWorkloadId === p.peerWorkloadId) === i,
        )
      workloads.push({
        id: ids[wi],
        tenantId,
        name: `WklName${ti}x${wi}${s}`,
        kind: 'vm',
        count: w.count,
        vcpus: w.vcpus,
        mipsPerVcpu: 500,
        memoryMiB: 1024,
        diskGiB: 10,
        guestOs: 'linux',
        ...(t.network ? { networkId } : {}),
        traffic: {
          eastWest: peers,
          egressGbps: w.egressGbps,
          ingressGbps: w.ingressGbps,
          ...(w.profile
            ? { profile: { profile: 'diurnal', meanPercent: 60, amplitudePercent: 30 } }
            : {}),
        },
      })
    })
  })
  const input = {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    meta: { name: `Design${s}` },
    racks,
    hosts,
    switches,
    links,
    fabric: {
      externalUplinks: [
        { id: `upl-0-${s}`, name: `UplName${s}`, switchIds: [core], capacityGbps: spec.uplinkGbps },
      ],
    },
    tenants,
    networks,
    workloads,
    simulation: { horizonS: 1800, stepS: 300, policy: 'dvfs' },
  } as unknown as DesignInput
  const parsed = parseDesign(input)
  if (!parsed.ok)
    throw new Error(
      `arbitraryNetworkDesign built an invalid design: ${JSON.stringify(parsed.problems[0])}`,
    )
  return parsed.value
}
