/**
 * Co-location interference (the noisy-neighbour effect), outside CloudSim-compatible mode.
 *
 * An instance suffers in proportion to the share of the HOST's contended resources (shared
 * caches, memory bandwidth, the kernel or hypervisor's queues) its neighbours use, measured by
 * their CPU: the fraction of its allocated CPU an instance loses is
 *
 *   min(INTERFERENCE_CAP, coefficient × Σ neighbours' allocated MIPS ÷ host MIPS)
 *
 * where "host MIPS" is the capacity the instances share (after reserved cores and the
 * virtualization layer's CPU overhead) and a neighbour's allocated MIPS is counted before its own
 * interference loss. So the coefficient is the slowdown a well-behaved instance suffers when its
 * neighbours together keep the whole host busy, and the same neighbours on a host eight times
 * larger cost eight times less. Alone on a host an instance loses nothing.
 *
 * Sources of the per-kind coefficients (`virtualization/kinds.ts`, OVERHEADS.md §7 and its
 * "Noisy neighbour" note): paravirtualization 0.03 from Xen's 2–4 % loss beside domains running
 * antisocial hogs that saturate the host [S2]; hardware-assisted and binary translation 0.03,
 * judgement: no worse than PV in the isolation benchmark [S15]; OS containers 0.15, judgement:
 * between cgroup-capped CPU (small) and the 67 % worst case for I/O-bound workloads under
 * combined stress [S25]. The cap of one half is a judgement bound, below the 16× tail measured on
 * over-committed multi-vCPU hosts [S24], which this linear model does not attempt.
 */

/** The largest fraction of its allocated CPU an instance can lose to interference. */
export const INTERFERENCE_CAP = 0.5

/**
 * The fraction (0..`INTERFERENCE_CAP`) of its allocated CPU an instance loses to co-location
 * interference, given the host's coefficient, the MIPS allocated to its neighbours on the host
 * (its own left out, each counted before interference) and the MIPS the host's instances share.
 * 0 when the coefficient, the neighbours' MIPS or the host's MIPS is not positive.
 */
export function interferenceFraction(
  coefficient: number,
  neighboursMips: number,
  hostMips: number,
): number {
  if (!(coefficient > 0) || !(neighboursMips > 0) || !(hostMips > 0)) return 0
  return Math.min(INTERFERENCE_CAP, (coefficient * neighboursMips) / hostMips)
}
