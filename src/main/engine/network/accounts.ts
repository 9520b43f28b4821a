/**
 * What the network did over a run: the state recorded at each processing instant (rates,
 * link utilization, switch power) held until the next recorded state, and integrated over each
 * interval: GB = Gbps × Δt / 8, energy = P × Δt, mean utilization = Σ u × Δt / H, seconds
 * saturated = Σ Δt while u ≥ `SATURATED_UTILIZATION`. States recorded between processing
 * instants (a live migration's end) are integrated like the others but not sampled into
 * `timesS` and the utilization series.
 */
import { SATURATED_UTILIZATION } from '../../../shared/domain/link-saturation'
import type { NetworkResult } from '../../../shared/domain/network-result'
import type { Design } from '../../../shared/design/schema'
import type { Fabric } from './fabric'
import type { FlowTable } from './flows'

/** How a state between processing instants differs from a plain allocation of `flows`. */
export interface RecordOptions {
  /** Per resource: the load to record instead of `flows.loadGbps` (flows kept out of them). */
  loadGbps?: Float64Array
  /** Migration traffic carried besides `flows`' own migration flows, Gbps. */
  migrationGbps?: number
  /** Whether the state is a point of `timesS` and the series (default true). */
  sample?: boolean
}

function round(x: number, digits = 6): number {
  const f = 10 ** digits
  // + 0 turns -0 (a difference that rounds away, e.g. demand − sent − received) into 0
  return Math.round(x * f) / f + 0
}

export class NetworkAccounts {
  private lastS = -1
  private readonly T: number
  private readonly W: number
  private readonly E: number
  /** Per tenant and workload: rate sent (east-west and egress) and received from outside. */
  private readonly tenantRate: Float64Array
  private readonly tenantInRate: Float64Array
  private readonly workloadInRate: Float64Array
  private readonly tenantInGB: Float64Array
  private readonly tenantDemand: Float64Array
  private readonly workloadRate: Float64Array
  private readonly workloadDemand: Float64Array
  private migrationRate = 0
  private readonly util: Float64Array
  private readonly switchW: Float64Array
  private readonly tenantGB: Float64Array
  private readonly tenantLostGB: Float64Array
  private readonly workloadGB: Float64Array
  private readonly workloadLostGB: Float64Array
  private migrationGB = 0
  private switchJ = 0
  private readonly utilSum: Float64Array
  private readonly utilPeak: Float64Array
  private readonly saturatedS: Float64Array
  private readonly series: number[][]
  private readonly timesS: number[] = []
  /** Per switch with power: its links' indices. */
  private readonly switchLinks: number[][]

  constructor(
    private readonly design: Design,
    fabric: Fabric,
  ) {
    this.T = design.tenants.length
    this.W = design.workloads.length
    this.E = fabric.elementIds.length
    this.tenantRate = new Float64Array(this.T)
    this.tenantInRate = new Float64Array(this.T)
    this.workloadInRate = new Float64Array(this.W)
    this.tenantInGB = new Float64Array(this.T)
    this.tenantDemand = new Float64Array(this.T)
    this.workloadRate = new Float64Array(this.W)
    this.workloadDemand = new Float64Array(this.W)
    this.tenantGB = new Float64Array(this.T)
    this.tenantLostGB = new Float64Array(this.T)
    this.workloadGB = new Float64Array(this.W)
    this.workloadLostGB = new Float64Array(this.W)
    this.util = new Float64Array(this.E)
    this.utilSum = new Float64Array(this.E)
    this.utilPeak = new Float64Array(this.E)
    this.saturatedS = new Float64Array(this.E)
    this.series = Array.from({ length: this.E }, () => [])
    this.switchW = new Float64Array(design.switches.length)
    this.switchLinks = design.switches.map((s) => {
      const out: number[] = []
      design.links.forEach((l, i) => {
        if (l.sourceId === s.id || l.targetId === s.id) out.push(i)
      })
      return out
    })
  }

  /** Per tenant (design order): GB sent and delivered, charged so far (east-west and egress). */
  get tenantGbSent(): Readonly<Float64Array> {
    return this.tenantGB
  }

  /** Switch energy charged so far, joules. */
  get switchEnergyJ(): number {
    return this.switchJ
  }

  /** Power of every switch in the state recorded last, W. */
  get switchPowerW(): number {
    let w = 0
    for (const x of this.switchW) w += x
    return w
  }

  /** Charges the state recorded last over [last instant, tS]. */
  charge(tS: number): void {
    if (this.lastS < 0 || tS <= this.lastS) return
    const dt = tS - this.lastS
    const gb = dt / 8
    for (let t = 0; t < this.T; t++) {
      const sent = this.tenantRate[t] as number
      const received = this.tenantInRate[t] as number
      this.tenantGB[t] = (this.tenantGB[t] as number) + sent * gb
      this.tenantInGB[t] = (this.tenantInGB[t] as number) + received * gb
      this.tenantLostGB[t] =
        (this.tenantLostGB[t] as number) + ((this.tenantDemand[t] as number) - sent - received) * gb
    }
    for (let w = 0; w < this.W; w++) {
      const sent = this.workloadRate[w] as number
      this.workloadGB[w] = (this.workloadGB[w] as number) + sent * gb
      this.workloadLostGB[w] =
        (this.workloadLostGB[w] as number) +
        ((this.workloadDemand[w] as number) - sent - (this.workloadInRate[w] as number)) * gb
    }
    this.migrationGB += this.migrationRate * gb
    for (let e = 0; e < this.E; e++) {
      const u = this.util[e] as number
      this.utilSum[e] = (this.utilSum[e] as number) + u * dt
      if (round(u, 4) >= SATURATED_UTILIZATION)
        this.saturatedS[e] = (this.saturatedS[e] as number) + dt
    }
    for (const w of this.switchW) this.switchJ += w * dt
    this.lastS = tS
  }

  /** Records the state at instant `tS` (after the flows were allocated); see `RecordOptions`. */
  record(tS: number, flows: FlowTable, fabric: Fabric, options: RecordOptions = {}): void {
    this.tenantRate.fill(0)
    this.tenantInRate.fill(0)
    this.tenantDemand.fill(0)
    this.workloadRate.fill(0)
    this.workloadInRate.fill(0)
    this.workloadDemand.fill(0)
    this.migrationRate = options.migrationGbps ?? 0
    for (let f = 0; f < flows.count; f++) {
      const rate = flows.rateGbps[f] as number
      const w = flows.workload[f] as number
      const t = flows.tenant[f] as number
      if (w < 0) {
        this.migrationRate += rate
        continue
      }
      const demand = flows.demandGbps[f] as number
      // traffic in from outside is delivered to the tenant, not sent by it (never billed as sent)
      const inbound = flows.inbound[f] === 1
      const wRate = inbound ? this.workloadInRate : this.workloadRate
      wRate[w] = (wRate[w] as number) + rate
      this.workloadDemand[w] = (this.workloadDemand[w] as number) + demand
      if (t >= 0) {
        const tRate = inbound ? this.tenantInRate : this.tenantRate
        tRate[t] = (tRate[t] as number) + rate
        this.tenantDemand[t] = (this.tenantDemand[t] as number) + demand
      }
    }
    const load = options.loadGbps ?? flows.loadGbps
    const sample = options.sample ?? true
    for (let e = 0; e < this.E; e++) {
      const cap = fabric.capacityGbps[2 * e] as number
      const u =
        fabric.elementDown[e] === 1
          ? 0
          : Math.min(1, Math.max(load[2 * e] as number, load[2 * e + 1] as number) / cap)
      this.util[e] = u
      if (u > (this.utilPeak[e] as number)) this.utilPeak[e] = u
      if (sample) this.series[e]?.push(round(u, 4))
    }
    this.design.switches.forEach((s, i) => {
      if (!s.power || fabric.isSwitchDown(s.id)) return void (this.switchW[i] = 0)
      const links = this.switchLinks[i] as number[]
      let u = 0
      for (const l of links)
        u +=
          ((load[2 * l] as number) + (load[2 * l + 1] as number)) /
          (2 * (fabric.capacityGbps[2 * l] as number))
      this.switchW[i] = s.power.idleW + s.power.loadW * (links.length > 0 ? u / links.length : 0)
    })
    if (sample) this.timesS.push(tS)
    this.lastS = tS
  }

  /** The `network` result section. */
  result(failures: NetworkResult['fabricFailures']): NetworkResult {
    const H = this.lastS > 0 ? this.lastS : 0
    const L = this.design.links.length
    const uplinks = this.design.fabric?.externalUplinks ?? []
    return {
      timesS: this.timesS.slice(),
      links: Array.from({ length: this.E }, (_, e) => ({
        id: e < L ? (this.design.links[e]?.id as string) : (uplinks[e - L]?.id as string),
        kind: e < L ? ('link' as const) : ('uplink' as const),
        capacityGbps:
          e < L
            ? (this.design.links[e]?.bandwidthGbps as number)
            : (uplinks[e - L]?.capacityGbps as number),
        peakUtilization: round(this.utilPeak[e] as number),
        meanUtilization: H > 0 ? round((this.utilSum[e] as number) / H) : 0,
        saturatedS: round(this.saturatedS[e] as number, 3),
        utilizationSeries: this.series[e] as number[],
      })),
      tenants: this.design.tenants.map((t, i) => {
        const demand =
          (this.tenantGB[i] as number) +
          (this.tenantInGB[i] as number) +
          (this.tenantLostGB[i] as number)
        const workloads = this.design.workloads
          .map((w, k) => ({ w, k }))
          .filter(({ w }) => w.tenantId === t.id && w.traffic !== undefined)
          .map(({ w, k }) => ({
            workloadId: w.id,
            gbSent: round(this.workloadGB[k] as number),
            demandNotServedGB: round(this.workloadLostGB[k] as number),
          }))
          .sort((a, b) => b.gbSent - a.gbSent || (a.workloadId < b.workloadId ? -1 : 1))
        return {
          tenantId: t.id,
          gbSent: round(this.tenantGB[i] as number),
          gbReceived: round(this.tenantInGB[i] as number),
          demandNotServedGB: round(this.tenantLostGB[i] as number),
          notServedFraction: demand > 0 ? round((this.tenantLostGB[i] as number) / demand) : 0,
          workloads,
        }
      }),
      switchEnergyKWh: this.switchJ / 3.6e6,
      migrationGB: round(this.migrationGB),
      fabricFailures: failures,
    }
  }
}
