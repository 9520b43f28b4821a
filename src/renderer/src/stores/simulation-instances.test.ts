// @vitest-environment happy-dom
/**
 * After a run, the canvas shows where the instances were at the time shown, not where the
 * placement put them (review s9u A2: the sample at 24:00 read lxc-1 "9 inst." on a host the run
 * had switched off; the run ended with lxc-1 0, lxc-2 18, kvm-3 13). Through the real services
 * on the sample with a consolidation policy: at the last sample each host's instances per tenant
 * equal the full result's `finalHostId` counts (the engine's own record, read here with
 * `lean: false`, which the window does not read), and at the first sample the placement's.
 * The sample has a node pool (Globex's 8 job pods in its 4 compute VMs): a host counts its VMs'
 * pods, and the engine gives each pod its VM's `finalHostId` (`engine/nesting/nested-run.ts`).
 */
import { describe, expect, it, vi } from 'vitest'
import { api } from '../api'
import { useCanvasOverlay } from './canvas-overlay'
import { useDesignStore } from './design'
import { usePlacementStore } from './placement'
import { useSimulationStore } from './simulation'
import { useRealServicesPerTest } from '../../../../test/support/renderer/component-services'

useRealServicesPerTest({ sample: 'two-hall', beforeDispose: () => useSimulationStore().stop() })

/** host id -> tenant id -> count, without empty hosts. */
type Counts = Record<string, Record<string, number>>

describe('instances on the canvas after a run', () => {
  it('are where the run had them at the time shown', async () => {
    const sim = useSimulationStore()
    await usePlacementStore().start()
    const design = useDesignStore()
    await vi.waitFor(() => expect(design.design?.workloads.some((w) => w.nesting)).toBe(true))
    await sim.runSimulation({ horizonS: 86_400, policy: 'thr-mmt-0.8' })
    await vi.waitFor(() => expect(sim.result).toBeDefined(), { timeout: 60_000 })
    const runId = sim.run?.runId as string
    const full = await api.call('simulation:get', { runId, lean: false })
    if (!full.ok || !full.value.result) throw new Error('no full result')
    const r = full.value.result
    expect(r.migrations.length).toBeGreaterThan(0)
    const last = r.series.timesS.at(-1) as number
    // not vacuous: no migration is copying at the last sample
    expect(r.migrations.every((m) => m.endS <= last || m.startS > last)).toBe(true)
    const want: Counts = {}
    for (const x of r.instances)
      if (x.status === 'running' && x.finalHostId) {
        const h = (want[x.finalHostId] ??= {})
        h[x.tenantId] = (h[x.tenantId] ?? 0) + 1
      }
    const overlay = useCanvasOverlay()
    const shown = (): Counts => {
      const out: Counts = {}
      for (const [hostId, o] of overlay.hosts.value)
        for (const x of o.instances ?? [])
          if (x.count > 0) (out[hostId] ??= {})[x.tenantId] = x.count
      return out
    }
    await vi.waitFor(() => expect(shown()).toEqual(want))
    // and differs from the placement (the run moved instances)
    // not vacuous: pods are counted, and some ended on another host than they started on
    const pods = r.instances.filter((x) => x.outerInstanceId !== undefined)
    expect(pods.length).toBe(8)
    expect(pods.some((x) => x.finalHostId !== x.initialHostId)).toBe(true)
    // the run's start, from the engine's record (pods on the host under their VM)
    const placed: Counts = {}
    for (const x of r.instances)
      if (x.initialHostId) {
        const h = (placed[x.initialHostId] ??= {})
        h[x.tenantId] = (h[x.tenantId] ?? 0) + 1
      }
    expect(shown()).not.toEqual(placed)
    // at the first sample: the start, with the migrations copying then on both hosts
    const t0 = r.series.timesS[0] as number
    const tenantOf = new Map(r.instances.map((x) => [x.instanceId, x.tenantId]))
    // a migrating VM takes its pods along (one level of nesting in the sample)
    const riding = (id: string): string[] => [
      id,
      ...pods.filter((x) => x.outerInstanceId === id).map((x) => x.instanceId),
    ]
    const atFirst: Counts = structuredClone(placed)
    for (const m of r.migrations)
      for (const id of riding(m.instanceId)) {
        const t = tenantOf.get(id) as string
        if (m.startS <= t0) {
          const to = (atFirst[m.toHostId] ??= {})
          to[t] = (to[t] ?? 0) + 1
        }
        if (m.endS <= t0) (atFirst[m.fromHostId] as Record<string, number>)[t]! -= 1
      }
    expect(r.failures.every((f) => f.atS > t0)).toBe(true)
    sim.timeIndex = 0
    await vi.waitFor(() => expect(shown()).toEqual(atFirst))
  })
})
