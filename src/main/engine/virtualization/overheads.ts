/**
 * Effective overheads of a host: its kind's defaults (./kinds.ts) with the host's own
 * overrides (`host.virtualization.overrides`) applied. The scheduler charges them at
 * placement; the simulation reads them for co-location interference and restart times.
 */
import type { VirtualizationKind } from '../../../shared/design/enums'
import type { Host } from '../../../shared/design/schema'
import { KIND_DEFAULTS, type KindDefaults } from './kinds'

/** What running one instance on a given host costs, after overrides. */
export interface EffectiveOverheads extends KindDefaults {
  kind: VirtualizationKind
  /** Disk throughput factor (x native) = 1 - ioOverheadPercent / 100. */
  diskThroughputFactor: number
}

const cache = new WeakMap<Host, EffectiveOverheads>()
const shared = new Map<VirtualizationKind, EffectiveOverheads>()

/** A fresh copy of a kind's defaults (an explicit literal: object spread is slow here). */
function fromDefaults(kind: VirtualizationKind): EffectiveOverheads {
  const d = KIND_DEFAULTS[kind]
  return {
    kind,
    cpuOverheadPercent: d.cpuOverheadPercent,
    memFixedMiB: d.memFixedMiB,
    memPerVcpuMiB: d.memPerVcpuMiB,
    memPercent: d.memPercent,
    memExemptMiB: d.memExemptMiB,
    reservedMemoryMiB: d.reservedMemoryMiB,
    reservedCores: d.reservedCores,
    ioOverheadPercent: d.ioOverheadPercent,
    networkThroughputFactor: d.networkThroughputFactor,
    addedNetworkLatencyUs: d.addedNetworkLatencyUs,
    startTimeS: d.startTimeS,
    maxInstancesPerHost: d.maxInstancesPerHost,
    isolationScore: d.isolationScore,
    interferenceCoefficient: d.interferenceCoefficient,
    liveMigration: d.liveMigration,
    migrationDowntimeMs: d.migrationDowntimeMs,
    diskThroughputFactor: 1 - d.ioOverheadPercent / 100,
  }
}

/**
 * The overheads that apply on `host` (treat the result as read-only: hosts without overrides
 * share one object per kind). Overrides replace single defaults:
 * `memoryOverheadPerInstanceMiB` replaces the fixed and per-vCPU memory terms by one flat
 * figure; `memoryOverheadPercent` replaces the percent-of-RAM term (then charged on all RAM);
 * `ioOverheadPercent` sets both disk and network throughput loss. Cached per host object.
 */
export function overheadsFor(host: Host): EffectiveOverheads {
  const kind = host.virtualization.kind
  const o = host.virtualization.overrides
  const hosted = host.virtualization.hostedOs
  if (!hosted && (!o || Object.keys(o).length === 0)) {
    let common = shared.get(kind)
    if (!common) shared.set(kind, (common = fromDefaults(kind)))
    return common
  }
  const hit = cache.get(host)
  if (hit) return hit
  const out = fromDefaults(kind)
  if (hosted) applyHostedOs(out, hosted, host.sockets * host.coresPerSocket)
  if (!o) {
    cache.set(host, out)
    return out
  }
  if (o.cpuOverheadPercent !== undefined) out.cpuOverheadPercent = o.cpuOverheadPercent
  if (o.memoryOverheadPerInstanceMiB !== undefined) {
    out.memFixedMiB = o.memoryOverheadPerInstanceMiB
    out.memPerVcpuMiB = 0
  }
  if (o.memoryOverheadPercent !== undefined) {
    out.memPercent = o.memoryOverheadPercent
    out.memExemptMiB = 0
  }
  if (o.reservedMemoryMiB !== undefined) out.reservedMemoryMiB = o.reservedMemoryMiB
  if (o.reservedCores !== undefined) out.reservedCores = o.reservedCores
  if (o.ioOverheadPercent !== undefined) {
    out.ioOverheadPercent = o.ioOverheadPercent
    out.networkThroughputFactor = 1 - o.ioOverheadPercent / 100
  }
  if (o.startTimeS !== undefined) out.startTimeS = o.startTimeS
  if (o.interferenceCoefficient !== undefined)
    out.interferenceCoefficient = o.interferenceCoefficient
  out.diskThroughputFactor = 1 - out.ioOverheadPercent / 100
  cache.set(host, out)
  return out
}

/**
 * A type-2 (hosted) hypervisor runs as programs of a host OS (NESTED_NETWORK_STORAGE.md §15a):
 * the host OS keeps its declared CPU share (as reserved cores) and memory (replacing the
 * type-1 hypervisor's own reservation); each guest pays 5 points more CPU than under a type-1
 * hypervisor (judgement: same VT-x/EPT hardware plus host scheduling noise), disk throughput
 * x0.7 and network x0.8 of type 1 (judgement from VirtualBox ~2x slower on one test [S46] and
 * the hosted I/O path [S2][S32]). Host overrides still apply on top.
 */
function applyHostedOs(
  out: EffectiveOverheads,
  hosted: { cpuPercent: number; memoryMiB: number },
  cores: number,
): void {
  out.reservedMemoryMiB = hosted.memoryMiB
  out.reservedCores = (cores * hosted.cpuPercent) / 100
  out.cpuOverheadPercent += HOSTED.extraCpuOverheadPercent
  out.ioOverheadPercent = 100 - (100 - out.ioOverheadPercent) * HOSTED.diskFactor
  out.networkThroughputFactor *= HOSTED.networkFactor
  out.diskThroughputFactor = 1 - out.ioOverheadPercent / 100
}

/** Costs of a hosted (type-2) hypervisor relative to type 1 (§15a of the nesting survey). */
export const HOSTED = {
  extraCpuOverheadPercent: 5,
  diskFactor: 0.7,
  networkFactor: 0.8,
  /** Default host OS memory when a design does not say: 2 GiB [S45]. */
  defaultMemoryMiB: 2048,
} as const

/** Host memory one instance costs beyond its configured RAM, MiB (rounded up). */
export function memoryOverheadMiB(o: EffectiveOverheads, vcpus: number, memoryMiB: number): number {
  const percentPart = (o.memPercent / 100) * Math.max(0, memoryMiB - o.memExemptMiB)
  return Math.ceil(Math.round((o.memFixedMiB + o.memPerVcpuMiB * vcpus + percentPart) * 1e6) / 1e6)
}

/**
 * CPU demand of `vcpus` virtual CPUs including the CPU overhead, in milli-vCPUs (integer, so
 * capacity sums stay exact).
 */
export function effectiveVcpuMilli(o: EffectiveOverheads, vcpus: number): number {
  // Round to 1e-6 first so that 2 x 1000 x 1.05 = 2100, not 2101.
  return Math.ceil(Math.round(vcpus * 1000 * (1 + o.cpuOverheadPercent / 100) * 1e6) / 1e6)
}
