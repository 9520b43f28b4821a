/**
 * The one set of default hardware and simulation settings, shared by everything that makes a
 * design without being told every number: the palette's templates (renderer), the synthetic
 * datacenter behind `strata generate` and the benchmarks, the importers of formats that do not
 * describe hosts fully (OpenDC, NetBox), the PlanetLab scenario and the schema's own defaults.
 *
 * The standard host is the built-in sample's KVM server (`resources/samples/two-hall`): two
 * sockets of 16 cores at 2600 MIPS per core (1 MIPS taken as 1 MHz), 256 GiB of memory, a
 * 1.92 TB disk, a 25 Gb/s NIC and the power curve given below. Zod-free (type imports only),
 * so the renderer can use it without bundling the schema library.
 */
import type { Host, Switch } from './schema'
import type { PlacementPreset } from './enums'
import type { FailureEvent } from './simulation-settings'

/**
 * The simulation settings every field of which has a default (the schema's output type minus
 * the optional placement weights; spelled out because the schema takes its defaults from here).
 */
export interface DefaultSimulationSettings {
  seed: number
  horizonS: number
  stepS: number
  policy: string
  placement: { preset: PlacementPreset }
  failures: { mode: 'none' | 'mtbf' | 'schedule'; schedule: FailureEvent[] }
  switchOffIdleHosts: boolean
  interference: boolean
  cloudsimCompat: boolean
}

/**
 * Power draw of the standard host in watts at 0 %, 10 %, ..., 100 % CPU load (11 points,
 * linear in between): the sample's KVM hosts' curve.
 */
export const STANDARD_POWER_CURVE_W: readonly number[] = [
  112, 148, 171, 193, 214, 236, 262, 291, 322, 352, 381,
]

/** The standard host: a common two-socket virtualization server running KVM on Linux. */
export function standardHost(): Omit<Host, 'id' | 'name'> {
  return {
    sockets: 2,
    coresPerSocket: 16,
    mipsPerCore: 2600,
    memoryMiB: 262_144,
    diskGiB: 1920,
    nicGbps: 25,
    cpuExtensions: 'vt-x',
    powerCurveW: [...STANDARD_POWER_CURVE_W],
    state: 'up',
    virtualization: { kind: 'hvm', product: 'kvm', hostOs: 'linux' },
  }
}

/** The standard access (top-of-rack) switch: 48 ports of 25 Gb/s. */
export const STANDARD_ACCESS_SWITCH: Readonly<Pick<Switch, 'ports' | 'portGbps'>> = {
  ports: 48,
  portGbps: 25,
}

/**
 * Simulation settings of a design that states none: seed 0, one day (86,400 s) in 300 s
 * steps, DVFS without consolidation, spread placement, no failures, idle hosts switched off,
 * interference modelled, general (not CloudSim-compatible) accounting. A fresh object each
 * call, so no two designs share one.
 */
export function defaultSimulationSettings(): DefaultSimulationSettings {
  return {
    seed: 0,
    horizonS: 86_400,
    stepS: 300,
    policy: 'dvfs',
    placement: { preset: 'spread' },
    failures: { mode: 'none', schedule: [] },
    switchOffIdleHosts: true,
    interference: true,
    cloudsimCompat: false,
  }
}

/**
 * Nova's `initial_cpu_allocation_ratio` (4.0): vCPUs a host hands out per physical core when
 * neither the host nor its rack sets a ratio. The scheduler's capacity and the inspector's
 * "4 (default)" both read it from here.
 */
export const DEFAULT_CPU_ALLOCATION_RATIO = 4
/** Nova's `initial_ram_allocation_ratio` (1.0): memory is not overcommitted unless told. */
export const DEFAULT_MEMORY_ALLOCATION_RATIO = 1
/**
 * Mean time to repair, hours, of a host, switch or storage array that has an MTBF but no MTTR
 * (the failure models draw repairs from an exponential of this mean).
 */
export const DEFAULT_MTTR_HOURS = 1
