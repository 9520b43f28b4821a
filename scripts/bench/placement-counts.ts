/**
 * The window's work on a placement at 10,000 hosts and 100,000 instances (issue 19), in CPU
 * time (process.cpuUsage, so the machine's load does not inflate it): the real placement and
 * canvas-overlay stores (Pinia, in Node) take a digest and count and colour it in slices that
 * yield (`yieldToMain`); printed are the slices, the CPU of the longest one and of all, and,
 * for comparison, one task doing the same counting and colouring unsliced (the digest's own
 * `digestCountsByHost` and a per-host sort, as the stores did before). Each path runs twice
 * (the first warms the JIT) and its second run is printed. Never asserted.
 */
import { createPinia, setActivePinia } from 'pinia'
import { effectScope } from 'vue'
import type { PlacementDigest } from '../../src/shared/domain/placement-digest'
import { digestCountsByHost } from '../../src/shared/domain/placement-digest'
import { usePlacementStore } from '../../src/renderer/src/stores/placement'
import { useCanvasOverlay } from '../../src/renderer/src/stores/canvas-overlay'

const HOSTS = 10_000
const INSTANCES = 100_000
const TENANTS = 20
const GROUPS = 2_000

/**
 * A spread-like digest: group g of tenant g mod 20, instance k of the whole on host
 * (k·7919 + shift) mod N.
 */
function digest(shift = 0): PlacementDigest {
  const per = INSTANCES / GROUPS
  let k = 0
  const groups = Array.from({ length: GROUPS }, (_, g) => ({
    workloadId: `w${g}`,
    tenantId: `tenant-${String(g % TENANTS).padStart(2, '0')}`,
    hosts: Array.from({ length: per }, () => (k++ * 7919 + shift) % HOSTS),
  }))
  return {
    preset: 'spread',
    weights: {},
    seed: 0,
    order: 'stable',
    hostCount: HOSTS,
    instanceCount: INSTANCES,
    placedCount: INSTANCES,
    hostIds: Array.from({ length: HOSTS }, (_, h) => `host-${h}`),
    groups,
    unplacedCount: 0,
    unplacedGroups: [],
    unplacedListed: [],
  }
}

const cpuMs = (from: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(from)
  return (d.user + d.system) / 1000
}

/** One task, unsliced: count per host and tenant, then each host's sorted coloured list. */
function oneTask(d: PlacementDigest): number {
  const t = process.cpuUsage()
  const palette = new Map<string, string>()
  const out = new Map<string, unknown>()
  for (const [hostId, perTenant] of digestCountsByHost(d))
    out.set(hostId, {
      instances: [...perTenant]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([tenantId, count]) => ({ tenantId, colour: palette.get(tenantId) ?? '#888', count })),
    })
  return out.size === HOSTS ? cpuMs(t) : NaN
}

export async function run(): Promise<void> {
  oneTask(digest())
  const oneTaskCpuMs = oneTask(digest())

  // the stores: every slice between two yields timed
  let slices: number[] = []
  let sliceFrom = process.cpuUsage()
  const g = globalThis as { scheduler?: { yield: () => Promise<void> } }
  g.scheduler = {
    yield: () => {
      slices.push(cpuMs(sliceFrom))
      return new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => {
        sliceFrom = process.cpuUsage()
      })
    },
  }
  setActivePinia(createPinia())
  const scope = effectScope()
  const { placement, overlay } = scope.run(() => ({
    placement: usePlacementStore(),
    overlay: useCanvasOverlay(),
  }))!
  let slicedCpuMs = NaN
  for (let round = 0; round < 2; round++) {
    const d = digest(round)
    slices = []
    const t = process.cpuUsage()
    sliceFrom = process.cpuUsage()
    const before = overlay.hosts.value
    placement.result = d
    await placement.settled()
    // the overlay follows the counts in its own slices: until it holds a new build
    while (overlay.hosts.value === before) await new Promise((r) => setTimeout(r, 0))
    slices.push(cpuMs(sliceFrom))
    slicedCpuMs = cpuMs(t)
  }
  scope.stop()
  delete g.scheduler
  const instances = [...placement.byHost.values()].flat().reduce((n, c) => n + c.count, 0)
  console.log(
    JSON.stringify({
      hosts: HOSTS,
      instances,
      oneTaskCpuMs: Math.round(oneTaskCpuMs),
      slices: slices.length,
      longestSliceCpuMs: Math.round(Math.max(...slices)),
      slicedTotalCpuMs: Math.round(slicedCpuMs),
      longestSliceOverOneTask: Number((Math.max(...slices) / oneTaskCpuMs).toFixed(2)),
    }),
  )
}
