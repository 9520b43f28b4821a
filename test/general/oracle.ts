/**
 * An independent oracle for the general model's conservation laws (issue 10). It reads only a
 * design's plain input and a run's result JSON; it imports nothing from the engine. Rules it
 * encodes (from docs/DESIGN.md, "General accounting"):
 * - power: a host's 11-point curve, linear in between; a host that is not up draws 0 W;
 *   under `npa` an up host draws P(100 %); otherwise an empty host draws 0 W with switch-off
 *   and P(0) without, and an occupied one P(u);
 * - the state recorded at a sample instant holds until the next instant (step function), so
 *   energy = Σ_k Σ_h P_h(t_k) × (t_{k+1} − t_k);
 * - availability = 1 − downtime / (uptime + downtime) from first placement (t = 0) to H.
 */

/** Watts at utilization u of an 11-point curve (its own arithmetic, linear between points). */
export function curveW(curve: readonly number[], u: number): number {
  const x = Math.min(1, Math.max(0, u)) * 10
  const k = Math.min(9, Math.floor(x))
  const a = curve[k] as number
  const b = curve[k + 1] as number
  return a + (b - a) * (x - k)
}

export interface OracleHost {
  powerCurveW: readonly number[]
  state: string
  capacityMips: number
}

export interface HostSeries {
  utilization: readonly number[]
  instances: readonly number[]
}

/** Energy in joules from the per-host series, under the rule above. */
export function energyJ(
  hosts: readonly OracleHost[],
  series: readonly HostSeries[],
  timesS: readonly number[],
  switchOff: boolean,
  npa: boolean,
): number {
  let joules = 0
  for (let k = 0; k + 1 < timesS.length; k++) {
    const dt = (timesS[k + 1] as number) - (timesS[k] as number)
    hosts.forEach((h, i) => {
      if (h.state !== 'up') return
      const s = series[i] as HostSeries
      const n = s.instances[k] as number
      const w = npa
        ? (h.powerCurveW[10] as number)
        : n === 0 && switchOff
          ? 0
          : curveW(h.powerCurveW, s.utilization[k] as number)
      joules += w * dt
    })
  }
  return joules
}

/** Host-side CPU delivered (MIPS × s = MI): Σ_k Σ_h u_hk × capacity_h × Δt_k. */
export function hostSideMi(
  hosts: readonly OracleHost[],
  series: readonly HostSeries[],
  timesS: readonly number[],
): number {
  let mi = 0
  for (let k = 0; k + 1 < timesS.length; k++) {
    const dt = (timesS[k + 1] as number) - (timesS[k] as number)
    hosts.forEach((h, i) => {
      mi += ((series[i] as HostSeries).utilization[k] as number) * h.capacityMips * dt
    })
  }
  return mi
}

/** Every number in `x` (recursively) that is not finite, or a null, with its JSON path. */
export function nonFinite(x: unknown, path = ''): string[] {
  if (x === null) return [`${path}: null`]
  if (typeof x === 'number') return Number.isFinite(x) ? [] : [`${path}: ${x}`]
  if (Array.isArray(x)) return x.flatMap((v, i) => nonFinite(v, `${path}[${i}]`))
  if (typeof x === 'object')
    return Object.entries(x as Record<string, unknown>).flatMap(([k, v]) =>
      nonFinite(v, path ? `${path}.${k}` : k),
    )
  return []
}

/** Availability in percent from downtime over a span from first placement to the horizon. */
export function availabilityPercent(downtimeS: number, spanS: number): number {
  return spanS > 0 ? 100 * (1 - downtimeS / spanS) : 100
}
