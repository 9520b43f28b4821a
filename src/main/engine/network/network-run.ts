/**
 * The network side of a run (issue 17): at each processing instant it builds the flows of the
 * running instances (east-west to peer workloads, north-south through the external uplinks)
 * and of live migrations, shares the fabric by max-min fairness, and integrates what each
 * tenant sent and could not send, each link's utilization and the switches' energy over the
 * interval to the next instant (the state at an instant holds until the next, as in the
 * general model). Fabric failures take effect at the first processing instant at or after
 * their time, and their repairs likewise.
 *
 * Migrations: a live migration is a flow between its source and target hosts (pre-copy rounds
 * off) whose demand is the design's per-migration cap (`fabric.migrationRateCapMiBps`; QEMU's
 * default is 128 MiB/s, NESTED_NETWORK_STORAGE.md §12d and §15b: rate = min(max-min share,
 * cap)) or unlimited without one. It competes with tenants' traffic under the same max-min
 * rule and is re-shared at every processing instant while it runs: the bits still to copy
 * (memory × 2^20 × 8 less what it sent at its earlier rates) over its new rate give its new end
 * (`MigrationTiming`), so a migration speeds up when competing traffic ends and slows down when
 * traffic grows. Between instants its rate holds (like every flow) until its copy ends: its end
 * is a network instant of its own, where its bits stop being charged and its links' capacity
 * goes back to the tenants' flows (re-shared by max-min over what the migrations still copying
 * leave; those keep their rates and ends, so the simulation's compute timeline does not depend
 * on these instants). So a migration's traffic is its memory (rate × copy seconds) and a link
 * it fills is saturated only while it copies. These instants are integrated into the accounts
 * but not sampled into `timesS`. A migration called off between instants (a host, instance or
 * storage failure, `callOff`) is charged up to that moment, which is a network instant too. A
 * migration whose path is cut keeps its
 * last rate and end; with no path at its start the caller keeps its own rule.
 *
 * Failures and restarts (review s10u A2): an instance going down or coming back between
 * processing instants (a host or instance failure, a restart elsewhere, a repair) is a network
 * instant of its own (`changeAt`, not sampled): the tenant flows are rebuilt for the new
 * placement at the traffic levels of the latest processing instant and re-shared by max-min
 * over what the copying migrations leave (those keep their rates and ends, as at a
 * migration's end). So an instance down 30 s loses 30 s of traffic, not a whole step. The
 * demand of an instance that is down is not offered to the fabric, so it is not "traffic not
 * carried" (which counts what the fabric could not carry of what was offered: saturation);
 * its loss is the instance's downtime, reported as such (`downtimeS`, availability).
 */
import type { NetworkResult } from '../../../shared/domain/network-result'
import type { Design } from '../../../shared/design/schema'
import { Fabric } from './fabric'
import { FlowTable } from './flows'
import { FabricTimeline } from './fabric-timeline'
import { NetworkAccounts } from './accounts'
import { trafficLevel } from './traffic-profile'
import { addTenantFlows, trafficIndex, type TrafficIndex } from './tenant-flows'
import type { Random } from '../random'

/** Where instances are, as the simulation holds it (design order for hosts and workloads). */
export interface PlacementView {
  vmCount: number
  /** Per instance: index into `design.workloads`. */
  vmWorkload: Int32Array
  /** Per instance: host index (design order) or -1. */
  vmHome: Int32Array
  /** Per instance: 1 while down. */
  vmDown: Uint8Array
  /** Per host: 1 while down. */
  hostDown: Uint8Array
  /** Per instance: 1 while it migrates (a migration that ended or was called off is dropped). */
  vmInMig: Uint8Array
}

/** A live migration starting now. */
export interface MigrationStart {
  /** The instance migrating (its index; one migration per instance at a time). */
  vm: number
  fromHost: number
  toHost: number
  memoryMiB: number
}

/** A running migration's rate and end as re-shared at an instant. */
export interface MigrationTiming {
  vm: number
  rateGbps: number
  endS: number
}

/** What one instant decided for migrations. */
export interface MigrationRates {
  /** Per starting migration (same order): its rate, Gbps (0: no path, the caller's rule holds). */
  startGbps: number[]
  /** Running migrations (started at earlier instants) whose end moved. */
  retimed: MigrationTiming[]
}

interface ActiveMigration {
  vm: number
  from: number
  to: number
  /** Bits still to copy at `lastS`. */
  bitsLeft: number
  rateGbps: number
  lastS: number
  endS: number
  /** The rate the fabric carried at the latest instant, Gbps, and its load per resource. */
  carriedGbps: number
  load: Map<number, number>
}

/** Bits below which a migration counts as copied (rounding of rate × time). */
const DONE_BITS = 1

/** Whether a design's run models network traffic (some workload declares it; not CloudSim). */
export function hasNetworkTraffic(design: Design): boolean {
  return !design.simulation.cloudsimCompat && design.workloads.some((w) => w.traffic !== undefined)
}

/** The network state and accounts of one run. */
export class NetworkRun {
  readonly fabric: Fabric
  private readonly hostEndpoint: Int32Array
  private readonly index: TrafficIndex
  private readonly timeline: FabricTimeline
  private readonly accounts: NetworkAccounts
  private migrations: ActiveMigration[] = []
  /** Tenant flows at 100 % of their profiles, kept while placement and fabric stay the same. */
  private plan?: { flows: FlowTable; count: number; baseGbps: Float64Array; key: PlanKey }
  /** Per workload: its traffic level at the current instant (NaN until computed). */
  private readonly levels: Float64Array
  /** The latest processing instant, s: traffic levels hold from it until the next. */
  private levelS = 0
  /** A migration's demand: the design's cap, Gbps (`Infinity` without one). */
  private readonly migrationCapGbps: number
  /** Flows and sub-flows (one per equal-cost path) of the latest instant, for benchmarks. */
  flowCount = 0
  subflowCount = 0

  constructor(
    readonly design: Design,
    private readonly seed: number,
    random?: Random,
  ) {
    this.fabric = new Fabric(design)
    this.hostEndpoint = Int32Array.from(design.hosts, (h) => this.fabric.endpoint(h.id) ?? -1)
    this.index = trafficIndex(design, this.hostEndpoint)
    this.levels = new Float64Array(design.workloads.length)
    const cap = design.fabric?.migrationRateCapMiBps
    this.migrationCapGbps = cap === undefined ? Infinity : (cap * 2 ** 20 * 8) / 1e9
    this.timeline = new FabricTimeline(design, random)
    this.accounts = new NetworkAccounts(design, this.fabric)
  }

  /**
   * One processing instant at `tS`: charges the interval since the previous one, applies
   * fabric failures and repairs due, shares the fabric among this instant's flows, the
   * running migrations and the migrations starting now, and returns the starting migrations'
   * rates and the running ones' new ends.
   */
  advance(
    tS: number,
    view: PlacementView,
    starting: readonly MigrationStart[] = [],
  ): MigrationRates {
    this.catchUp(tS)
    this.levelS = tS
    for (const [id, down] of this.timeline.changesUpTo(tS)) this.fabric.setDown(id, down)
    const running = this.runningMigrations(tS, view, starting)
    const flows = this.tenantFlows(tS, view)
    const first = flows.count
    for (const m of running)
      flows.add(-1, -1, this.endpointOf(m.from), this.endpointOf(m.to), this.migrationCapGbps, 1)
    for (const m of starting)
      flows.add(
        -1,
        -1,
        this.endpointOf(m.fromHost),
        this.endpointOf(m.toHost),
        this.migrationCapGbps,
        1,
      )
    flows.allocate()
    this.flowCount = flows.count
    this.subflowCount = flows.subflowCount
    const retimed: MigrationTiming[] = []
    running.forEach((m, i) => {
      const rate = flows.rateGbps[first + i] as number
      m.carriedGbps = rate
      m.load = flows.loadOf(first + i)
      if (!(rate > 0)) return
      const endS = tS + m.bitsLeft / (rate * 1e9)
      m.rateGbps = rate
      if (endS === m.endS) return
      m.endS = endS
      retimed.push({ vm: m.vm, rateGbps: rate, endS })
    })
    this.migrations = running
    // the starting flows follow the running ones (fixed before the starts join `running`)
    const firstStart = first + running.length
    const startGbps = starting.map((m, i) => {
      const f = firstStart + i
      const rate = flows.rateGbps[f] as number
      if (rate > 0) {
        const bits = m.memoryMiB * 2 ** 20 * 8
        this.migrations.push({
          vm: m.vm,
          from: m.fromHost,
          to: m.toHost,
          bitsLeft: bits,
          rateGbps: rate,
          lastS: tS,
          endS: tS + bits / (rate * 1e9),
          carriedGbps: rate,
          load: flows.loadOf(f),
        })
      }
      return rate
    })
    this.accounts.record(tS, flows, this.fabric)
    return { startGbps, retimed }
  }

  /**
   * Migrations called off at `tS` (no longer migrating in `view`: a failure ended them between
   * instants): charged up to `tS` and no further; their links go back to the tenants' flows
   * there, a network instant as at a migration's end. Does nothing when none was called off.
   */
  callOff(tS: number, view: PlacementView): void {
    if (!this.migrations.some((m) => view.vmInMig[m.vm] !== 1 && m.endS > tS)) return
    this.catchUp(tS)
    for (const m of this.migrations) if (view.vmInMig[m.vm] !== 1) m.endS = tS
    this.endMigrationsAt(tS)
  }

  /**
   * The migrations still copying at `tS`: each is charged the bits its rate sent since the
   * previous instant; those copied, ended or called off (no longer migrating in `view`) and
   * those replaced by a new start of the same instance are dropped.
   */
  private runningMigrations(
    tS: number,
    view: PlacementView,
    starting: readonly MigrationStart[],
  ): ActiveMigration[] {
    const restarting = new Set(starting.map((m) => m.vm))
    const out: ActiveMigration[] = []
    for (const m of this.migrations) {
      m.bitsLeft -= m.rateGbps * 1e9 * (tS - m.lastS)
      m.lastS = tS
      if (view.vmInMig[m.vm] !== 1 || restarting.has(m.vm)) continue
      if (m.bitsLeft <= DONE_BITS || m.endS <= tS) continue
      out.push(m)
    }
    return out
  }

  /**
   * Charges the accounts up to `tS`, ending on the way every migration whose copy ends at or
   * before it, each at its own end (see `endMigrationsAt`).
   */
  private catchUp(tS: number): void {
    for (;;) {
      let endS = Infinity
      for (const m of this.migrations) if (m.endS <= tS && m.endS < endS) endS = m.endS
      if (endS === Infinity) break
      this.endMigrationsAt(endS)
    }
    this.accounts.charge(tS)
  }

  /**
   * A network instant at `endS`, where migrations end: charges up to it, drops them, and
   * re-shares the tenant flows of the latest instant (same demands) by max-min over the
   * capacity the migrations still copying leave them; those keep their rates and loads.
   */
  private endMigrationsAt(endS: number): void {
    this.accounts.charge(endS)
    this.migrations = this.migrations.filter((m) => m.endS > endS)
    const plan = this.plan
    if (!plan) return
    const { flows } = plan
    // the migration flows stay in the table (its solver is kept) but ask for nothing
    for (let f = plan.count; f < flows.count; f++) flows.setDemand(f, 0)
    this.reshareAround(endS, flows)
  }

  /**
   * A network instant at `tS` between processing instants where instances went down or came
   * back (a failure, a restart, a repair): charges up to it (ending migrations due on the way)
   * and, when `view` changed the placement the flows were built for, rebuilds the tenant flows
   * for it at the latest processing instant's traffic levels and re-shares them around the
   * migrations still copying (module docstring). Not sampled into `timesS`.
   */
  changeAt(tS: number, view: PlacementView): void {
    if (!this.plan) return
    this.catchUp(tS)
    if (samePlacement(this.plan.key, view, this.fabric.version)) return
    const flows = this.tenantFlows(this.levelS, view)
    this.reshareAround(tS, flows)
  }

  /**
   * Shares `flows` (tenant flows) by max-min over the capacity the running migrations leave
   * (they keep their rates and loads) and records the state at `tS`, unsampled.
   */
  private reshareAround(tS: number, flows: FlowTable): void {
    const capacity = Float64Array.from(this.fabric.capacityGbps)
    let migrationGbps = 0
    for (const m of this.migrations) {
      migrationGbps += m.carriedGbps
      for (const [r, gbps] of m.load) capacity[r] = Math.max(0, (capacity[r] as number) - gbps)
    }
    flows.allocate(capacity)
    const loadGbps = Float64Array.from(flows.loadGbps)
    for (const m of this.migrations)
      for (const [r, gbps] of m.load) loadGbps[r] = (loadGbps[r] as number) + gbps
    this.accounts.record(tS, flows, this.fabric, { loadGbps, migrationGbps, sample: false })
  }

  /** Power every switch draws in the state of the latest instant, W (0 without switch power). */
  get switchPowerW(): number {
    return this.accounts.switchPowerW
  }

  /** Switch energy charged up to the latest instant, joules. */
  get switchEnergyJ(): number {
    return this.accounts.switchEnergyJ
  }

  /**
   * Per tenant (design order): GB sent and delivered up to `tS`, charging the state recorded last
   * up to it (what the tenant's `network-gb` bill line holds so far, for the cost series).
   */
  tenantGbSentUpTo(tS: number): Readonly<Float64Array> {
    this.catchUp(tS)
    return this.accounts.tenantGbSent
  }

  /** Charges the last interval up to `endS` and returns the `network` result section. */
  finish(endS: number): NetworkResult {
    this.catchUp(endS)
    return this.accounts.result(this.timeline.records(endS))
  }

  private endpointOf(host: number): number {
    return this.hostEndpoint[host] ?? -1
  }

  /**
   * This instant's tenant flows: the plan (routes and sub-flows at 100 % of each profile) is
   * rebuilt only when placement or the fabric changed; demands are rescaled every instant.
   */
  private tenantFlows(tS: number, view: PlacementView): FlowTable {
    if (!this.plan || !samePlacement(this.plan.key, view, this.fabric.version)) {
      const flows = new FlowTable(this.fabric)
      addTenantFlows(flows, this.index, view)
      this.plan = {
        flows,
        count: flows.count,
        baseGbps: Float64Array.from(flows.demandGbps),
        key: planKey(view, this.fabric.version),
      }
    }
    const { flows, count, baseGbps } = this.plan
    flows.truncate(count)
    const stepS = this.design.simulation.stepS
    const levels = this.levels.fill(Number.NaN)
    for (let f = 0; f < count; f++) {
      const w = flows.workload[f] as number
      let level = levels[w] as number
      if (level !== level) {
        const spec = this.design.workloads[w]?.traffic
        level = levels[w] = spec ? trafficLevel(spec, w, tS, stepS, this.seed) : 0
      }
      flows.setDemand(f, (baseGbps[f] as number) * level)
    }
    return flows
  }
}

interface PlanKey {
  vmHome: Int32Array
  vmDown: Uint8Array
  hostDown: Uint8Array
  fabricVersion: number
}

function planKey(view: PlacementView, fabricVersion: number): PlanKey {
  return {
    vmHome: view.vmHome.slice(),
    vmDown: view.vmDown.slice(),
    hostDown: view.hostDown.slice(),
    fabricVersion,
  }
}

function sameArray(a: Int32Array | Uint8Array, b: Int32Array | Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

function samePlacement(key: PlanKey, view: PlacementView, fabricVersion: number): boolean {
  return (
    key.fabricVersion === fabricVersion &&
    sameArray(key.vmHome, view.vmHome) &&
    sameArray(key.vmDown, view.vmDown) &&
    sameArray(key.hostDown, view.hostDown)
  )
}

/** Time to copy `memoryMiB` at `rateGbps`: MiB × 2^20 × 8 bits / (rate × 10^9), seconds. */
export function migrationDurationS(memoryMiB: number, rateGbps: number): number {
  return (memoryMiB * 2 ** 20 * 8) / (rateGbps * 1e9)
}
