/**
 * The network, storage and energy-by-device figures of a finished run, as `strata simulate`
 * and the provider report say them (`fabricSections` in the engine's reports): traffic
 * delivered, links saturated, live migrations' traffic, switch energy; storage energy,
 * outages and saturated systems; and the run's energy split into hosts, storage and switches
 * (`summary.energyBreakdownKWh`, whose lines sum to `summary.energyKWh`). Pure: the Simulation
 * tab's `SimulationNetworkStorage` draws them.
 */
import type { SimulationResult } from '../../../../shared/contract'
import { linkSaturatedS, saturatedOfText } from '../../../../shared/domain/link-saturation'
import { groupedNumber } from '../../../../shared/domain/number-text'
import { percentOfFraction } from '../../../../shared/domain/percent-text'

/** One labelled figure: `value` is the number (for tests and titles), `text` what is shown. */
export interface Figure {
  id: string
  label: string
  value: number
  text: string
  title?: string
}

export { energyShares, type EnergyShare } from '../../../../shared/domain/energy-shares'

/** `1234567.891` -> `1,234,567.9` with `digits` decimals: the shared `groupedNumber`. */
export const grouped = groupedNumber

/** A length of time: `48 s`, `1 min 38 s`, `2 h 05 min`, `1 d 4 h` (as the reports say it). */
export function durationText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  if (s < 60) return `${s} s`
  if (s < 3600)
    return `${Math.floor(s / 60)} min${s % 60 ? ` ${String(s % 60).padStart(2, '0')} s` : ''}`
  const m = Math.round(s / 60)
  if (m < 1440)
    return `${Math.floor(m / 60)} h${m % 60 ? ` ${String(m % 60).padStart(2, '0')} min` : ''}`
  const h = Math.round(s / 3600)
  return `${Math.floor(h / 24)} d${h % 24 ? ` ${h % 24} h` : ''}`
}

/** The run's network figures; undefined when the run did not model traffic. */
export function networkFigures(r: SimulationResult): Figure[] | undefined {
  const net = r.network
  if (!net) return undefined
  const deliveredGB = net.tenants.reduce((s, t) => s + t.gbSent + t.gbReceived, 0)
  const ingressGB = net.tenants.reduce((s, t) => s + t.gbReceived, 0)
  const lostGB = net.tenants.reduce((s, t) => s + t.demandNotServedGB, 0)
  const saturated = net.links.filter(
    (l) => linkSaturatedS(l, net.timesS, r.summary.horizonS) > 0,
  ).length
  const copyingS = r.migrations.reduce((s, m) => s + Math.max(0, m.endS - m.startS), 0)
  const asked = deliveredGB + lostGB
  return [
    {
      id: 'traffic-delivered',
      label: 'Traffic delivered',
      value: deliveredGB,
      text: `${grouped(deliveredGB, 1)} GB`,
    },
    {
      id: 'traffic-ingress',
      label: 'of which in from outside (ingress)',
      value: ingressGB,
      text: `${grouped(ingressGB, 1)} GB`,
    },
    {
      id: 'traffic-not-carried',
      label: 'Traffic not carried',
      value: lostGB,
      text: `${grouped(lostGB, 1)} GB${asked > 0 ? ` (${percentOfFraction(lostGB / asked)})` : ''}`,
    },
    {
      id: 'links-saturated',
      label: 'Saturated links',
      value: saturated,
      text: saturatedOfText(saturated, net.links),
      title: 'Links (and uplinks) whose busier direction reached 99.9 % or more at some time',
    },
    {
      id: 'migration-gb',
      label: 'Live migrations on the network',
      value: net.migrationGB,
      text: `${grouped(r.summary.migrations)}, ${grouped(net.migrationGB, 1)} GB, ${durationText(copyingS)} copying in all${r.migrationsTruncated ? ' (first records only)' : ''}`,
    },
    {
      id: 'switch-energy',
      label: 'Switch energy',
      value: net.switchEnergyKWh,
      text: `${grouped(net.switchEnergyKWh, 3)} kWh`,
    },
    {
      id: 'fabric-failures',
      label: 'Fabric failures',
      value: net.fabricFailures.length,
      text: grouped(net.fabricFailures.length),
    },
  ]
}

/** The run's storage figures; undefined when the run did not use the storage model. */
export function storageFigures(
  r: SimulationResult,
  nameOf: (id: string) => string,
): Figure[] | undefined {
  const st = r.storage
  if (!st) return undefined
  const saturated = st.systems.filter((s) => s.saturatedS > 0)
  const saturatedH = saturated.reduce((s, x) => s + x.saturatedS / 3600, 0)
  return [
    {
      id: 'storage-energy',
      label: 'Storage energy',
      value: st.energyKWh,
      text: `${grouped(st.energyKWh, 3)} kWh`,
    },
    {
      id: 'storage-outages',
      label: 'Storage outages',
      value: st.failures.length,
      text: grouped(st.failures.length),
    },
    {
      id: 'storage-saturated',
      label: 'Saturated systems',
      value: saturatedH,
      text:
        saturated
          .map(
            (s) =>
              `${nameOf(s.storageId)} (${grouped(s.saturatedS / 3600, 2)} h${s.topTenantId ? `, mostly ${nameOf(s.topTenantId)}` : ''})`,
          )
          .join('; ') || 'none',
      title: 'Hours each storage system ran at its IOPS or throughput capacity',
    },
  ]
}
