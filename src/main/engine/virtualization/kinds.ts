/**
 * The default cost and behaviour of each kind of virtualization, as data. One row per kind;
 * every value names its source. Source tags [S1]..[S32] refer to the reference list in
 * ./SOURCES.md (copied from the team's survey of published overheads, whose section 9
 * suggests these defaults). Values marked "unverified" were recalled from the literature and not checked again;
 * values marked "judgement" are modelling choices derived from the cited evidence.
 */
import type { VirtualizationKind } from '../../../shared/design/enums'

/** Whether and how an instance can move between hosts while running. */
export type LiveMigration = 'no' | 'yes' | 'limited'

/** Defaults of one virtualization kind. Units are in the field names. */
export interface KindDefaults {
  /** CPU-bound slowdown versus bare metal, percent: demand is inflated by this much. */
  cpuOverheadPercent: number
  /**
   * Host memory each instance costs beyond its configured RAM:
   * `memFixedMiB + memPerVcpuMiB * vcpus + memPercent/100 * max(0, RAM - memExemptMiB)`.
   */
  memFixedMiB: number
  memPerVcpuMiB: number
  memPercent: number
  memExemptMiB: number
  /** Memory the host OS / hypervisor keeps for itself (never allocatable). */
  reservedMemoryMiB: number
  /** Physical cores the host OS / hypervisor keeps for itself. */
  reservedCores: number
  /** Disk and network throughput loss versus native, percent. */
  ioOverheadPercent: number
  /** Network throughput factor (x native), kept apart from disk for the network filter. */
  networkThroughputFactor: number
  /** Added network latency per round trip, microseconds. */
  addedNetworkLatencyUs: number
  /** Time from "start" to a running instance, seconds (restart after a failure costs this). */
  startTimeS: number
  /** Density cap before any resource binds. */
  maxInstancesPerHost: number
  /** 0 = none, 1 = physical separation. */
  isolationScore: number
  /**
   * Co-location interference: the slowdown (0..1) a well-behaved instance suffers when its
   * neighbours on the host keep the whole host busy. The simulation scales it by the share of
   * the host's MIPS the neighbours are allocated and caps the loss at one half
   * (`simulation/interference.ts`).
   */
  interferenceCoefficient: number
  liveMigration: LiveMigration
  /** Pause at the end of a live migration, milliseconds (0 when not supported). */
  migrationDowntimeMs: number
}

/**
 * The defaults table. Sources per value (tags listed in SOURCES.md):
 *
 * | field | native | hvm | bt | pv | os |
 * |---|---|---|---|---|---|
 * | cpuOverheadPercent | 0 (definition) | 5 [S1][S9] | 10 (judgement, [S2][S3]) | 3 [S2] | 1 [S1][S22] |
 * | memory per instance | 0 | 14 + 4/vCPU + 0.75 % RAM, fitted to VMware's table [S10] | ESX 3 rule 54 MiB + 10/extra vCPU + 32 MiB per GiB above 0.5 GiB [S10] | 8 MiB (judgement, [S2]) | 20 MiB (practitioner blogs [S31], low confidence) |
 * | reservedMemoryMiB | 1024 (unverified) | 2048 [S12][S13] | 400 ([S10] + judgement) | 1024 ([S29], judgement) | 1024 (unverified) |
 * | reservedCores | 0 (judgement: no figure collected for any kind) | 0 | 0 | 0 | 0 |
 * | ioOverheadPercent (disk throughput) | 0 | 10 ([S1], judgement) | 50 ([S2][S32], judgement) | 5 ([S2], judgement) | 0 [S1] |
 * | networkThroughputFactor | 1 | 0.95 [S1] | 0.5 ([S2][S32], judgement) | 0.95 ([S2], judgement) | 0.98 ([S1], unverified magnitude) |
 * | addedNetworkLatencyUs | 0 | 30 [S1] | 100 (unverified) | 20 (judgement) | 5 ([S1], unverified) |
 * | startTimeS | 180 (unverified) | 30 (unverified; 0.125 for Firecracker [S9]) | 45 (unverified) | 20 (unverified) | 0.5 [S16] |
 * | maxInstancesPerHost | 1 (one OS per host) | 1024 (unverified) | 128 (unverified) | 100 [S2] | 110 [S18] |
 * | isolationScore | 1.0 | 0.9 [S15] (judgement) | 0.9 [S15] (judgement) | 0.85 [S15] (judgement) | 0.5 [S4][S15] (judgement) |
 * | interferenceCoefficient (slowdown when the neighbours use the whole host) | 0 | 0.03 ([S15], judgement) | 0.03 ([S15], judgement) | 0.03 [S2] (2–4 % beside hogs) | 0.15 ([S25], judgement: between capped CPU and 67 % for I/O) |
 * | liveMigration / downtime | no | yes, 300 ms [S14] | yes, 300 ms [S14] | yes, 210 ms [S6b] | limited (CRIU), 2000 ms [S28] |
 */
export const KIND_DEFAULTS: Readonly<Record<VirtualizationKind, Readonly<KindDefaults>>> = {
  native: {
    cpuOverheadPercent: 0,
    memFixedMiB: 0,
    memPerVcpuMiB: 0,
    memPercent: 0,
    memExemptMiB: 0,
    reservedMemoryMiB: 1024,
    reservedCores: 0,
    ioOverheadPercent: 0,
    networkThroughputFactor: 1,
    addedNetworkLatencyUs: 0,
    startTimeS: 180,
    maxInstancesPerHost: 1,
    isolationScore: 1,
    interferenceCoefficient: 0,
    liveMigration: 'no',
    migrationDowntimeMs: 0,
  },
  hvm: {
    cpuOverheadPercent: 5,
    memFixedMiB: 14,
    memPerVcpuMiB: 4,
    memPercent: 0.75,
    memExemptMiB: 0,
    reservedMemoryMiB: 2048,
    reservedCores: 0,
    ioOverheadPercent: 10,
    networkThroughputFactor: 0.95,
    addedNetworkLatencyUs: 30,
    startTimeS: 30,
    maxInstancesPerHost: 1024,
    isolationScore: 0.9,
    interferenceCoefficient: 0.03,
    liveMigration: 'yes',
    migrationDowntimeMs: 300,
  },
  bt: {
    cpuOverheadPercent: 10,
    // 54 + 10 (vCPU - 1) + 32 max(0, RAM/1024 - 0.5) = 44 + 10 vCPU + 3.125 % of RAM above 512 MiB
    memFixedMiB: 44,
    memPerVcpuMiB: 10,
    memPercent: 3.125,
    memExemptMiB: 512,
    reservedMemoryMiB: 400,
    reservedCores: 0,
    ioOverheadPercent: 50,
    networkThroughputFactor: 0.5,
    addedNetworkLatencyUs: 100,
    startTimeS: 45,
    maxInstancesPerHost: 128,
    isolationScore: 0.9,
    interferenceCoefficient: 0.03,
    liveMigration: 'yes',
    migrationDowntimeMs: 300,
  },
  pv: {
    cpuOverheadPercent: 3,
    memFixedMiB: 8,
    memPerVcpuMiB: 0,
    memPercent: 0,
    memExemptMiB: 0,
    reservedMemoryMiB: 1024,
    reservedCores: 0,
    ioOverheadPercent: 5,
    networkThroughputFactor: 0.95,
    addedNetworkLatencyUs: 20,
    startTimeS: 20,
    maxInstancesPerHost: 100,
    isolationScore: 0.85,
    interferenceCoefficient: 0.03,
    liveMigration: 'yes',
    migrationDowntimeMs: 210,
  },
  os: {
    cpuOverheadPercent: 1,
    memFixedMiB: 20,
    memPerVcpuMiB: 0,
    memPercent: 0,
    memExemptMiB: 0,
    reservedMemoryMiB: 1024,
    reservedCores: 0,
    ioOverheadPercent: 0,
    networkThroughputFactor: 0.98,
    addedNetworkLatencyUs: 5,
    startTimeS: 0.5,
    maxInstancesPerHost: 110,
    isolationScore: 0.5,
    interferenceCoefficient: 0.15,
    liveMigration: 'limited',
    migrationDowntimeMs: 2000,
  },
}
