/**
 * Energy outside CloudSim-compatible mode: each host's power is held constant between two
 * changes of its state (a step function of the load), so a run's energy is exactly
 * Σ_hosts Σ_intervals P × Δt. The rule, stated once (see README.md, "General accounting"):
 *
 * - a host that is down (failed, or `down`/`maintenance` in the design) draws 0 W;
 * - under `npa` (not power-aware) every up host draws its full power P(100 %);
 * - otherwise a host that holds no instance draws 0 W when idle hosts are switched off, and
 *   P(0) when they are kept on; a host that holds at least one instance (even one at 0 %
 *   demand) draws P(u), u = allocated MIPS / capacity, capped at 1;
 * - switching a host on or off is instantaneous and costs no energy.
 *
 * CloudSim-compatible runs do not use this file: they keep CloudSim's trapezoid between
 * processing instants in `datacenter.ts`.
 */
import { hostUtil } from './host-cpu'
import { powerAt } from './power'
import type { HostEntries, SimState } from './state'

/** Power in watts host `h` draws in its current state, under the general rule above. */
export function hostPowerNowW(s: SimState, h: number): number {
  if (s.hostDown[h] === 1) return 0
  const offset = h * 11
  if (s.policy.kind === 'npa') return s.curves[offset + 10] as number
  const occupied = (s.entries[h] as HostEntries).vm.length > 0
  if (!occupied && !s.idleHostsOn) return 0
  return powerAt(s.curves, offset, Math.min(1, Math.max(0, hostUtil(s, h))))
}

/** Run-wide figures the general power rule updates. */
export interface PowerCounters {
  energyJ: number
  /** Times an up host was switched off because it held no instance (general mode). */
  switchOffs: number
  /** Memory in use beyond hosts' physical memory × time, MiB-seconds (general mode). */
  memoryPressureMiBS: number
}

/**
 * Charges host `h`'s held power up to `tS` (joules added to `counter.energyJ`) and holds its
 * power in its state now from `tS` on; counts a switch-off when an up host goes from drawing
 * power to none. Call it after every change of the host's state.
 */
export function settleHostPower(s: SimState, counter: PowerCounters, h: number, tS: number): void {
  const since = s.hostPowerSinceS[h] as number
  if (tS > since) {
    counter.energyJ += (s.hostPowerW[h] as number) * (tS - since)
    counter.memoryPressureMiBS += (s.hostMemPressureMiB[h] as number) * (tS - since)
    s.hostPowerSinceS[h] = tS
  }
  const before = s.hostPowerW[h] as number
  const now = hostPowerNowW(s, h)
  if (before > 0 && now === 0 && s.hostDown[h] === 0) counter.switchOffs++
  s.hostPowerW[h] = now
  if (s.hostDown[h] === 1) {
    s.hostMemPressureMiB[h] = 0
    s.hostMemInUseMiB[h] = 0
  }
}
