/**
 * What a saved run must agree with beyond its single values (review s8a #4): a run whose two
 * tenants' entries were swapped opened silently, and a tenant's report then showed another
 * tenant's bill; one instance placed twice, all instances on one host, or an instance both
 * placed and unplaced passed too. Checked here, after `last-run-values.ts` has found every
 * number possible and every id the design's:
 * - each `simulation.tenants[i]` is billed by ITS tenant's pricing in the design: currency,
 *   basis, one line per priced item at that item's rate and basis, `quantity` the basis's
 *   quantity, `amount` = quantity × rate and `total` the lines' sum (to the bill's 6
 *   decimals, `shared/domain/bill-line.ts`), and the tenant's promised availability; each
 *   tenant listed once;
 * - placed instance ids are unique, unplaced ones too, and no instance is both;
 * - the instances placed directly on a host (not nested in a VM) fit what the host can hold
 *   under the design's overcommit (`scheduler/capacity.ts`): Σ vCPUs ≤ cores × CPU allocation
 *   ratio, Σ memory ≤ memory × RAM allocation ratio, and at most one on a native host. These
 *   are upper bounds of the scheduler's own capacity (it also subtracts reservations and adds
 *   overheads), so a real run always passes them;
 * - the run started from the saved placement (review s10a #1: a Place during the run, or a
 *   shorter run started later, saved another placement with it, and the reopened canvas showed
 *   1,524 instances on a 1,200-instance design): `placement.seed` is the run's seed, and each
 *   instance the run started on a host (`simulation.instances[].initialHostId`) is placed on
 *   that host by the placement, and none other is;
 * - the run's moves lead from its start to its end (review s10a #3: a migration of an unknown
 *   instance, or one ending before it began, made the reopened canvas show 1,400 instances on
 *   a 1,200-instance design): replaying the migrations and failures' restarts from each
 *   instance's `initialHostId` (`shared/domain/instances-at.ts`, the canvas's own replay) leaves
 *   on every host, per tenant, the instances whose `finalHostId` it is. Not for runs whose
 *   instances may end early (CloudSim-compatible) or whose migration list was cut.
 * Pure: no clock, no I/O.
 */
import { billTotal, type BillItem } from '../../../shared/domain/bill-line'
import type { Design } from '../../../shared/design/schema'
import { InstancesOverTime, replayInputOfResult } from '../../../shared/domain/instances-at'
import type { SimulationResult } from '../../../shared/domain/simulation-result'
import {
  DEFAULT_CPU_ALLOCATION_RATIO,
  DEFAULT_MEMORY_ALLOCATION_RATIO,
} from '../scheduler/capacity'

/** Where a saved run disagrees with itself or its design (a JSON path) and why. */
export interface LastRunConsistencyProblem {
  path: string
  message: string
}

type Rec = Record<string, unknown>
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v)
const list = (v: unknown): Rec[] => (Array.isArray(v) ? v.filter(isRec) : [])
const show = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : String(v))
const num = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 6 })

type Pricing = Design['tenants'][number]['pricing']

/** The design's price field, and the basis, of each bill item for a tenant priced `p`. */
function priceOf(
  item: BillItem,
  p: Pricing,
): { field: string; rate: number | undefined; basis: string } | undefined {
  switch (item) {
    case 'vcpu-hours':
      return { field: 'vcpuHour', rate: p.vcpuHour, basis: p.basis }
    case 'memory-gib-hours':
      return { field: 'memoryGiBHour', rate: p.memoryGiBHour, basis: p.basis }
    case 'storage-gib-months':
      return { field: 'storageGiBMonth', rate: p.storageGiBMonth, basis: 'allocated' }
    case 'provisioned-iops-months':
      return { field: 'provisionedIopsMonth', rate: p.provisionedIopsMonth, basis: 'allocated' }
    case 'network-gb':
      return { field: 'transferGB', rate: p.transferGB, basis: 'used' }
    default:
      return undefined
  }
}

/** A bill amount is kept to 6 decimals of quantity × rate (and quantity to 6 decimals). */
const amountSlack = (rate: number): number => 1e-6 * (1 + Math.abs(rate))

function checkBill(
  bill: Rec,
  tenant: Design['tenants'][number],
  at: string,
): LastRunConsistencyProblem | undefined {
  const p = tenant.pricing
  const whose = `tenant ${show(tenant.id)}`
  if (bill.currency !== p.currency)
    return {
      path: `${at}.currency`,
      message: `${show(bill.currency)} is not the currency of ${whose} (${p.currency})`,
    }
  if (bill.basis !== p.basis)
    return {
      path: `${at}.basis`,
      message: `${show(bill.basis)} is not the pricing basis of ${whose} (${p.basis})`,
    }
  const lines = list(bill.lines)
  for (const [l, line] of lines.entries()) {
    const path = `${at}.lines.${l}`
    const price = priceOf(line.item as BillItem, p)
    if (price === undefined)
      return { path: `${path}.item`, message: `${show(line.item)} is not a bill item` }
    if (price.rate === undefined)
      return {
        path: `${path}.item`,
        message: `${whose} has no ${price.field} price, so no ${show(line.item)} line`,
      }
    if (line.rate !== price.rate)
      return {
        path: `${path}.rate`,
        message: `${show(line.rate)} is not the ${price.field} price of ${whose} (${price.rate})`,
      }
    if (line.basis !== price.basis)
      return {
        path: `${path}.basis`,
        message: `${show(line.basis)} is not the basis ${whose} is billed ${show(line.item)} on (${price.basis})`,
      }
    const quantity = line.basis === 'used' ? line.usedQuantity : line.allocatedQuantity
    if (line.quantity !== quantity)
      return {
        path: `${path}.quantity`,
        message: `${show(line.quantity)} is not the line's ${show(line.basis)} quantity (${show(quantity)})`,
      }
    const amount = (line.quantity as number) * price.rate
    if (!(Math.abs((line.amount as number) - amount) <= amountSlack(price.rate)))
      return {
        path: `${path}.amount`,
        message: `${show(line.amount)} is not ${num(line.quantity as number)} × ${price.rate} = ${num(amount)}`,
      }
  }
  const items = new Set(lines.map((line) => line.item))
  for (const item of ['vcpu-hours', 'memory-gib-hours', 'storage-gib-months'] as const)
    if (!items.has(item))
      return {
        path: `${at}.lines`,
        message: `no ${show(item)} line, which ${whose} is always billed`,
      }
  const total = billTotal(lines as Array<{ amount: number }>)
  if (!(Math.abs((bill.total as number) - total) <= 1e-6))
    return {
      path: `${at}.total`,
      message: `${show(bill.total)} is not the sum of its lines (${num(total)})`,
    }
  return undefined
}

function checkTenants(sim: Rec, design: Design): LastRunConsistencyProblem | undefined {
  const at = 'lastRun.simulation.tenants'
  const tenants = new Map(design.tenants.map((t) => [t.id, t]))
  const seen = new Map<unknown, number>()
  for (const [i, entry] of list(sim.tenants).entries()) {
    const path = `${at}.${i}`
    const before = seen.get(entry.tenantId)
    if (before !== undefined)
      return {
        path: `${path}.tenantId`,
        message: `${show(entry.tenantId)} is listed twice (also at ${at}.${before})`,
      }
    seen.set(entry.tenantId, i)
    const tenant = tenants.get(entry.tenantId as string)
    if (!tenant) continue // the value check names a foreign tenant
    if (isRec(entry.bill)) {
      const bad = checkBill(entry.bill, tenant, `${path}.bill`)
      if (bad) return bad
    }
    if (entry.slaAvailabilityPercent !== tenant.slaAvailabilityPercent)
      return {
        path: `${path}.slaAvailabilityPercent`,
        message: `${show(entry.slaAvailabilityPercent)} % is not the availability promised to tenant ${show(tenant.id)} (${tenant.slaAvailabilityPercent} %)`,
      }
  }
  return undefined
}

/** What one host may hold under the design's overcommit. */
interface HostLimit {
  /** cores × CPU allocation ratio. */
  vcpus: number
  /** memory × RAM allocation ratio, MiB. */
  memoryMiB: number
  /** Bare metal: one instance owns the host. */
  native: boolean
  cores: number
  cpuRatio: number
  memRatio: number
}

function hostLimits(design: Design): Map<string, HostLimit> {
  const racks = new Map(design.racks.map((r) => [r.id, r]))
  return new Map(
    design.hosts.map((h) => {
      const rack = h.rackId === undefined ? undefined : racks.get(h.rackId)
      const native = h.virtualization.kind === 'native'
      const cpuRatio = native
        ? 1
        : (h.cpuAllocationRatio ?? rack?.cpuAllocationRatio ?? DEFAULT_CPU_ALLOCATION_RATIO)
      const memRatio = native
        ? 1
        : (h.memoryAllocationRatio ??
          rack?.memoryAllocationRatio ??
          DEFAULT_MEMORY_ALLOCATION_RATIO)
      const cores = h.sockets * h.coresPerSocket
      return [
        h.id,
        {
          vcpus: cores * cpuRatio,
          memoryMiB: h.memoryMiB * memRatio,
          native,
          cpuRatio,
          memRatio,
          cores,
        },
      ]
    }),
  )
}

function checkPlacement(placement: Rec, design: Design): LastRunConsistencyProblem | undefined {
  const at = 'lastRun.placement'
  const placedAt = new Map<unknown, number>()
  const placed = list(placement.placed)
  for (const [i, r] of placed.entries()) {
    const before = placedAt.get(r.instanceId)
    if (before !== undefined)
      return {
        path: `${at}.placed.${i}.instanceId`,
        message: `${show(r.instanceId)} is placed twice (also at ${at}.placed.${before})`,
      }
    placedAt.set(r.instanceId, i)
  }
  const unplacedAt = new Map<unknown, number>()
  for (const [i, r] of list(placement.unplaced).entries()) {
    const path = `${at}.unplaced.${i}.instanceId`
    const asPlaced = placedAt.get(r.instanceId)
    if (asPlaced !== undefined)
      return { path, message: `${show(r.instanceId)} is also placed (${at}.placed.${asPlaced})` }
    const before = unplacedAt.get(r.instanceId)
    if (before !== undefined)
      return {
        path,
        message: `${show(r.instanceId)} is listed twice (also at ${at}.unplaced.${before})`,
      }
    unplacedAt.set(r.instanceId, i)
  }
  const workloads = new Map(design.workloads.map((w) => [w.id, w]))
  const limits = hostLimits(design)
  const used = new Map<unknown, { instances: number; vcpus: number; memoryMiB: number }>()
  for (const [i, r] of placed.entries()) {
    if (r.outerInstanceId !== undefined) continue // inside a VM: the VM holds it
    const w = workloads.get(r.workloadId as string)
    const limit = limits.get(r.hostId as string)
    if (!w || !limit) continue // the value check names a foreign id
    const u = used.get(r.hostId) ?? { instances: 0, vcpus: 0, memoryMiB: 0 }
    used.set(r.hostId, u)
    u.instances++
    u.vcpus += w.vcpus
    u.memoryMiB += w.memoryMiB
    const host = `host ${show(r.hostId)}`
    const path = `${at}.placed.${i}.hostId`
    if (limit.native && u.instances > 1)
      return {
        path,
        message: `${host} is bare metal and holds one instance; ${u.instances} are placed on it`,
      }
    if (u.vcpus > limit.vcpus)
      return {
        path,
        message: `${host} cannot hold ${num(u.vcpus)} vCPUs: it has ${limit.cores} cores × ${limit.cpuRatio} (its CPU allocation ratio) = ${num(limit.vcpus)}`,
      }
    if (u.memoryMiB > limit.memoryMiB)
      return {
        path,
        message: `${host} cannot hold ${num(u.memoryMiB)} MiB of memory: it has ${num(limit.memoryMiB / limit.memRatio)} MiB × ${limit.memRatio} (its RAM allocation ratio) = ${num(limit.memoryMiB)} MiB`,
      }
  }
  return undefined
}

/** The run started from the saved placement: the same seed, every instance on the same host. */
function checkRunStart(placement: Rec, sim: Rec): LastRunConsistencyProblem | undefined {
  const summary = isRec(sim.summary) ? sim.summary : {}
  if (summary.seed !== undefined && placement.seed !== summary.seed)
    return {
      path: 'lastRun.placement.seed',
      message: `${show(placement.seed)} is not the seed of the saved run (${show(summary.seed)} at lastRun.simulation.summary.seed): the run did not start from this placement`,
    }
  const placedOn = new Map<unknown, { hostId: unknown; at: number }>()
  for (const [j, r] of list(placement.placed).entries())
    placedOn.set(r.instanceId, { hostId: r.hostId, at: j })
  const started = new Set<unknown>()
  for (const [i, r] of list(sim.instances).entries()) {
    if (r.initialHostId === undefined) continue
    started.add(r.instanceId)
    const placed = placedOn.get(r.instanceId)
    if (placed?.hostId !== r.initialHostId)
      return {
        path: `lastRun.simulation.instances.${i}.initialHostId`,
        message: `the run started ${show(r.instanceId)} on ${show(r.initialHostId)}, but the saved placement ${placed ? `puts it on ${show(placed.hostId)} (lastRun.placement.placed.${placed.at})` : 'does not place it'}: the run did not start from this placement`,
      }
  }
  for (const [id, placed] of placedOn)
    if (!started.has(id))
      return {
        path: `lastRun.placement.placed.${placed.at}.hostId`,
        message: `the saved placement puts ${show(id)} on ${show(placed.hostId)}, but the run did not start it there: the run did not start from this placement`,
      }
  return undefined
}

/** Replaying the run's moves from its start ends where its instance records say it ended. */
function checkReplay(sim: Rec): LastRunConsistencyProblem | undefined {
  const result = sim as unknown as SimulationResult
  const replay = InstancesOverTime.of(replayInputOfResult(result))
  if (!replay) return undefined
  const ended = new Map<string, Map<string, number>>()
  for (const i of result.instances) {
    // a nested instance (a node pool's pod) ends on its VM's host, where the replay carries it
    if (i.finalHostId === undefined) continue
    const onHost = ended.get(i.finalHostId) ?? new Map<string, number>()
    ended.set(i.finalHostId, onHost)
    onHost.set(i.tenantId, (onHost.get(i.tenantId) ?? 0) + 1)
  }
  const replayed = replay.at(result.summary.horizonS)
  const hosts = new Set([...ended.keys(), ...replayed.keys()])
  for (const hostId of [...hosts].sort()) {
    const want = ended.get(hostId) ?? new Map<string, number>()
    const got = new Map((replayed.get(hostId) ?? []).map((c) => [c.tenantId, c.count]))
    for (const tenantId of [...new Set([...want.keys(), ...got.keys()])].sort()) {
      const w = want.get(tenantId) ?? 0
      const g = got.get(tenantId) ?? 0
      if (w !== g)
        return {
          path: 'lastRun.simulation.migrations',
          message: `replaying the saved migrations and failures from each instance's initialHostId leaves ${g} instance(s) of tenant ${show(tenantId)} on host ${show(hostId)} at the end, but ${w} end there by their finalHostId`,
        }
    }
  }
  return undefined
}

/**
 * The first place where a saved run (already of the right shape, with possible values and
 * the design's ids) disagrees with itself or with `design`, as a JSON path from `lastRun`
 * (e.g. `lastRun.simulation.tenants.0.bill.lines.0.rate`) and why; undefined when it agrees.
 */
export function lastRunConsistencyProblem(
  lastRun: { placement?: unknown; simulation?: unknown },
  design: Design,
): LastRunConsistencyProblem | undefined {
  const { placement, simulation } = lastRun
  return (
    (isRec(placement) ? checkPlacement(placement, design) : undefined) ??
    (isRec(simulation) ? checkTenants(simulation, design) : undefined) ??
    (isRec(placement) && isRec(simulation) ? checkRunStart(placement, simulation) : undefined) ??
    (isRec(simulation) ? checkReplay(simulation) : undefined)
  )
}
