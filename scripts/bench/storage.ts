/**
 * Storage benchmark (issue 17): what the storage model costs a run. The synthetic datacenter
 * of 10,000 hosts and 100,000 instances (half of them with a volume on one of two SANs) runs
 * the same horizon twice in this process, without and with storage demand (every volume
 * issuing I/O that follows its CPU, the SANs contended and drawing power); the figure is the
 * ratio of the two wall times (best of two alternating runs each), and of their cost per
 * processing instant. Printed, never asserted.
 */
import { performance } from 'node:perf_hooks'
import { parseDesign, simulate, syntheticDatacenter } from '../../src/main/engine'
import type { Design } from '../../src/shared/design/schema'

const HOSTS = 10_000
const INSTANCES = 100_000
/** Six hours at 300 s: 73 processing instants (a 24 h run repeats the same per-step work). */
const HORIZON_S = 6 * 3600

function base(): Design {
  const d = syntheticDatacenter({ hosts: HOSTS, instances: INSTANCES, seed: 0 })
  d.workloads = d.workloads.map((w, i) => ({
    ...w,
    demand: {
      profile: i % 2 === 0 ? 'diurnal' : 'bursty',
      meanPercent: 30 + (i % 5) * 10,
      amplitudePercent: 20,
    },
  }))
  // The same admission in both runs: no IOPS reserved at placement, so the SANs' 150,000 IOPS
  // are contended only by the run-time demand of the run with storage.
  d.workloads = d.workloads.map((w) => ({ ...w, iops: 0 }))
  d.storage = d.storage.map((s) => ({ ...s, iops: 150_000, throughputMBps: 4_000 }))
  d.simulation = { ...d.simulation, policy: 'dvfs', horizonS: HORIZON_S, stepS: 300 }
  return d
}

function withStorage(d: Design): Design {
  const copy = structuredClone(d)
  copy.storage = copy.storage.map((s) => ({
    ...s,
    idlePowerW: 800,
    loadPowerW: 1_400,
  }))
  copy.workloads = copy.workloads.map((w) =>
    w.storageClass
      ? { ...w, storageDemand: { peakIops: 20, peakThroughputMBps: 0.5, readPercent: 70 } }
      : w,
  )
  copy.tenants = copy.tenants.map((t, i) =>
    i % 5 === 0 ? { ...t, storageQos: { minIops: 2_000, maxIops: 40_000 } } : t,
  )
  return copy
}

function timed(d: Design): {
  wallS: number
  steps: number
  storage: boolean
  unplaced: number
  saturatedS: number
} {
  const parsed = parseDesign(d)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems.slice(0, 3)))
  const t0 = performance.now()
  const r = simulate(parsed.value, { hostSeries: false })
  return {
    wallS: (performance.now() - t0) / 1000,
    steps: r.series.timesS.length,
    storage: r.storage !== undefined,
    unplaced: r.summary.unplacedInstances,
    saturatedS: Math.max(0, ...(r.storage?.systems.map((x) => x.saturatedS) ?? [])),
  }
}

export async function run(): Promise<void> {
  const plain = base()
  const stored = withStorage(plain)
  const volumes = stored.workloads.reduce((n, w) => n + (w.storageDemand ? w.count : 0), 0)
  // Alternating, best of two each: the machine is shared, so one slow run says little.
  const best = (
    a: ReturnType<typeof timed>,
    b: ReturnType<typeof timed>,
  ): ReturnType<typeof timed> => (b.wallS < a.wallS ? b : a)
  const w1 = timed(plain)
  const s1 = timed(stored)
  const without = best(w1, timed(plain))
  const withIt = best(s1, timed(stored))
  console.log(
    `${HOSTS} hosts, ${INSTANCES} instances, ${volumes} volumes with I/O on ${stored.storage.length} storage systems, ${withIt.steps} processing instants (${HORIZON_S / 3600} h at 300 s, dvfs)`,
  )
  console.log(
    `run without storage ${without.wallS.toFixed(1)} s, with storage ${withIt.wallS.toFixed(1)} s (storage section: ${withIt.storage}; unplaced ${without.unplaced} / ${withIt.unplaced}; longest SAN saturation ${(withIt.saturatedS / 3600).toFixed(1)} h)`,
  )
  const perStep = (r: { wallS: number; steps: number }): number => r.wallS / r.steps
  console.log(
    `ratio with / without: whole run ${(withIt.wallS / without.wallS).toFixed(3)}x, per processing instant ${(perStep(withIt) / perStep(without)).toFixed(3)}x`,
  )
  await Promise.resolve()
}
