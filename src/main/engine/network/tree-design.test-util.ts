/**
 * Small tree fabrics for the network tests: `racks` racks of `hostsPerRack` hosts, each rack
 * a ToR linked to every one of `aggregations` aggregation switches, each aggregation switch
 * linked to every one of `cores` core switches, and an external uplink on the core switches.
 * Ids: hosts `h<r>-<i>`, ToRs `tor<r>`, `agg<a>`, `core<c>`, host links `l-h<r>-<i>`,
 * `l-tor<r>-agg<a>`, `l-agg<a>-core<c>`, uplink `up`.
 */
import { designSchema, type Design, type DesignInput } from '../../../shared/design/schema'

export interface TreeOptions {
  racks: number
  hostsPerRack: number
  aggregations?: number
  cores?: number
  hostLinkGbps?: number
  torUplinkGbps?: number
  coreLinkGbps?: number
  uplinkGbps?: number
  /** Extra fields merged into the design input (workloads, tenants, simulation…). */
  extra?: Partial<DesignInput>
}

export function treeDesign(o: TreeOptions): Design {
  const aggs = o.aggregations ?? 2
  const cores = o.cores ?? 1
  const hosts: NonNullable<DesignInput['hosts']> = []
  const switches: NonNullable<DesignInput['switches']> = []
  const links: NonNullable<DesignInput['links']> = []
  const link = (id: string, a: string, b: string, gbps: number): void => {
    links.push({ id, sourceId: a, targetId: b, bandwidthGbps: gbps, latencyMs: 0 })
  }
  for (let c = 0; c < cores; c++)
    switches.push({ id: `core${c}`, name: `core${c}`, tier: 'core', ports: 64, portGbps: 100 })
  for (let a = 0; a < aggs; a++) {
    switches.push({ id: `agg${a}`, name: `agg${a}`, tier: 'aggregation', ports: 64, portGbps: 40 })
    for (let c = 0; c < cores; c++)
      link(`l-agg${a}-core${c}`, `agg${a}`, `core${c}`, o.coreLinkGbps ?? 40)
  }
  for (let r = 0; r < o.racks; r++) {
    switches.push({ id: `tor${r}`, name: `tor${r}`, tier: 'access', ports: 64, portGbps: 10 })
    for (let a = 0; a < aggs; a++)
      link(`l-tor${r}-agg${a}`, `tor${r}`, `agg${a}`, o.torUplinkGbps ?? 40)
    for (let i = 0; i < o.hostsPerRack; i++) {
      const id = `h${r}-${i}`
      hosts.push({
        id,
        name: id,
        sockets: 1,
        coresPerSocket: 16,
        mipsPerCore: 1000,
        memoryMiB: 262_144,
        diskGiB: 1000,
        nicGbps: o.hostLinkGbps ?? 10,
        cpuExtensions: 'vt-x',
        powerCurveW: Array.from({ length: 11 }, (_, k) => 100 + 10 * k),
        virtualization: { kind: 'hvm', product: 'kvm', hostOs: 'linux' },
      })
      link(`l-${id}`, id, `tor${r}`, o.hostLinkGbps ?? 10)
    }
  }
  return designSchema.parse({
    schemaVersion: 2,
    meta: { name: 'tree' },
    hosts,
    switches,
    links,
    fabric: {
      externalUplinks: [
        {
          id: 'up',
          name: 'internet',
          switchIds: Array.from({ length: cores }, (_, c) => `core${c}`),
          capacityGbps: o.uplinkGbps ?? 100,
        },
      ],
    },
    ...o.extra,
  })
}
