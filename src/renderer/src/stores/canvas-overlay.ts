/**
 * What the canvas paints over the hosts: instances per tenant (from the simulation frame
 * being shown, else from the last placement), utilization, failed and idle hosts, and the
 * migrations in flight at the shown time.
 */
import { computed, shallowRef, watch, type ComputedRef } from 'vue'
import type { HostOverlay } from '../drawing/host-overlay'
import type { StorageOverlay } from '../drawing/storage-overlay'
import {
  bundleOfLink,
  EMPTY_LINK_OVERLAY,
  linkOverlayOf,
  type LinkOverlay,
} from '../drawing/link-overlay'
import { useDesignStore } from './design'
import { usePlacementStore } from './placement'
import { useSimulationStore, type SimulationFrame } from './simulation'
import { forEachSliced, yieldToMain } from './yielding'

/** Hosts whose overlay is built between two yields (a few ms of work on an idle machine). */
export const OVERLAY_SLICE_HOSTS = 2000

export interface CanvasOverlay {
  /**
   * Every host's overlay; a frame of more than `OVERLAY_SLICE_HOSTS` hosts is merged in slices,
   * the previous overlay showing until it is done.
   */
  hosts: ComputedRef<ReadonlyMap<string, HostOverlay>>
  migrations: ComputedRef<ReadonlyArray<{ id: string; from: string; to: string }>>
  /** Storage systems' load at the shown time (issue 17); empty without a storage model. */
  storage: ComputedRef<ReadonlyMap<string, StorageOverlay>>
  /** Links' (and rack bundles') utilization at the shown time (issue 17); empty without traffic. */
  links: ComputedRef<LinkOverlay>
}

/** A host's state at the shown sample, as the simulation frame gives it. */
type HostFrameState = Pick<HostOverlay, 'utilization' | 'failed' | 'off' | 'rackMean' | 'instances'>

/**
 * A host's overlay at a frame: the frame's state, with the instances the frame says were on
 * the host then (a replayed run, review s9u A2), else its placed instances (no spreads).
 */
function merged(o: HostOverlay | undefined, h: HostFrameState): HostOverlay {
  const v: HostOverlay = { utilization: h.utilization, failed: h.failed, off: h.off }
  if (h.instances !== undefined) v.instances = h.instances
  else if (o?.instances !== undefined) v.instances = o.instances
  if (h.rackMean) v.rackMean = true
  return v
}

/**
 * The placement overlay with a simulation frame's host states: each host's instances from
 * `placed` and its utilization, failed, off (and rack-mean flag) from `frame`, in the order of
 * `placed` then the frame's other hosts. Built without object spreads: it runs at the end of
 * a run and at every frame shown, over 10,000 hosts (about 6× less CPU than spreading).
 */
export function withFrame(
  placed: ReadonlyMap<string, HostOverlay>,
  frame: ReadonlyMap<string, HostFrameState>,
): Map<string, HostOverlay> {
  const out = new Map<string, HostOverlay>()
  for (const [hostId, o] of placed) {
    const h = frame.get(hostId)
    out.set(hostId, h ? merged(o, h) : o)
  }
  for (const [hostId, h] of frame) if (!placed.has(hostId)) out.set(hostId, merged(undefined, h))
  return out
}

/**
 * `withFrame` in slices of `slice` hosts, giving the page back between them (issue 19: at a
 * run's end and at each live frame of 10,000 hosts); resolves undefined once `current()`
 * turns false (a newer frame or placement superseded it).
 */
export async function withFrameSliced(
  placed: ReadonlyMap<string, HostOverlay>,
  frame: ReadonlyMap<string, HostFrameState>,
  current: () => boolean,
  slice = OVERLAY_SLICE_HOSTS,
): Promise<Map<string, HostOverlay> | undefined> {
  const out = new Map<string, HostOverlay>()
  const fromPlaced = ([hostId, o]: [string, HostOverlay]): void => {
    const h = frame.get(hostId)
    out.set(hostId, h ? merged(o, h) : o)
  }
  const fromFrame = ([hostId, h]: [string, HostFrameState]): void => {
    if (!placed.has(hostId)) out.set(hostId, merged(undefined, h))
  }
  if (!(await forEachSliced([...placed], fromPlaced, current, slice))) return undefined
  await yieldToMain()
  if (!(await forEachSliced([...frame], fromFrame, current, slice))) return undefined
  return out
}

/**
 * The overlay `before` (built from `frame.patch.base` and `placed`) with the hosts the patch
 * changed merged again from `frame`: a copy of the map, not 10,000 merges.
 */
export function patched(
  before: ReadonlyMap<string, HostOverlay>,
  placed: ReadonlyMap<string, HostOverlay>,
  frame: { hosts: ReadonlyMap<string, HostFrameState>; patch?: { hostIds: ReadonlySet<string> } },
): Map<string, HostOverlay> {
  const out = new Map(before)
  for (const hostId of frame.patch?.hostIds ?? []) {
    const h = frame.hosts.get(hostId)
    const o = placed.get(hostId)
    if (h) out.set(hostId, merged(o, h))
    else if (o) out.set(hostId, o)
    else out.delete(hostId)
  }
  return out
}

export function useCanvasOverlay(): CanvasOverlay {
  const design = useDesignStore()
  const placement = usePlacementStore()
  const simulation = useSimulationStore()

  // the tenants array keeps its identity across edits that do not touch tenants, so this
  // (and the overlay) recompute only when tenants change, not on every move
  const tenants = computed(() => design.design?.tenants)
  // a design fetched again (a settings change) has new tenant objects with the same colours:
  // the same map is kept, so the 10,000-host overlay is not rebuilt for nothing
  const colours = computed<ReadonlyMap<string, string>>((previous) => {
    const next = new Map((tenants.value ?? []).map((t) => [t.id, t.colour]))
    const same =
      previous !== undefined &&
      previous.size === next.size &&
      [...next].every(([id, c]) => previous.get(id) === c)
    return same ? previous : next
  })
  /**
   * Instances per host and tenant from the last placement, coloured (rebuilt on placement or
   * a tenant's colour change only), in slices of `OVERLAY_SLICE_HOSTS` hosts that give the page
   * back between them: at 10,000 hosts, building it in one task took ~170 ms plus the
   * collection of its garbage (issue 19). Until a newer build completes, the previous one shows.
   */
  const placed = shallowRef<ReadonlyMap<string, HostOverlay>>(new Map())
  let building = 0
  watch(
    [() => placement.byHost, colours],
    async ([byHost, palette]) => {
      const build = ++building
      const out = new Map<string, HostOverlay>()
      const done = await forEachSliced(
        [...byHost],
        ([hostId, counts]) =>
          out.set(hostId, {
            instances: counts.map(({ tenantId, count }) => ({
              tenantId,
              colour: palette.get(tenantId) ?? '#888888',
              count,
            })),
          }),
        () => build === building,
        OVERLAY_SLICE_HOSTS,
      )
      if (done) placed.value = out
    },
    { immediate: true },
  )
  // a large frame merged in slices: the result, with the frame and placement it was built for
  type Built = { frame: SimulationFrame; placed: ReadonlyMap<string, HostOverlay> }
  const sliced = shallowRef<Built & { hosts: ReadonlyMap<string, HostOverlay> }>()
  let merging = 0
  watch(
    [() => simulation.frame, placed],
    async ([frame, p]) => {
      const merge = ++merging
      if (!frame || frame.hosts.size <= OVERLAY_SLICE_HOSTS) return
      // only some hosts' series came or went (a run's end, a pan): redo those hosts only
      const before = sliced.value
      if (before && frame.patch?.base === before.frame && before.placed === p) {
        sliced.value = { frame, placed: p, hosts: patched(before.hosts, p, frame) }
        return
      }
      const out = await withFrameSliced(p, frame.hosts, () => merge === merging)
      if (out) sliced.value = { frame, placed: p, hosts: out }
    },
    { immediate: true },
  )
  const hosts = computed<ReadonlyMap<string, HostOverlay>>((previous) => {
    const frame = simulation.frame
    if (!frame) return placed.value
    if (frame.hosts.size <= OVERLAY_SLICE_HOSTS) return withFrame(placed.value, frame.hosts)
    const built = sliced.value
    if (built?.frame === frame && built.placed === placed.value) return built.hosts
    // until the slices are done, the overlay shown before stays
    return previous ?? placed.value
  })

  const migrations = computed(() => simulation.frame?.migrations ?? [])
  const storage = computed(() => {
    const out = new Map<string, StorageOverlay>()
    const names = new Map((tenants.value ?? []).map((t) => [t.id, t.name]))
    const palette = colours.value
    for (const [id, f] of simulation.frame?.storage ?? []) {
      const { saturatedBy, ...rest } = f
      out.set(id, {
        ...rest,
        ...(saturatedBy
          ? {
              saturatedBy: {
                name: names.get(saturatedBy) ?? saturatedBy,
                colour: palette.get(saturatedBy) ?? '#000000',
              },
            }
          : {}),
      })
    }
    return out
  })
  // which bundle each link is drawn in (links and rack membership can change with any edit)
  const bundles = computed(() =>
    design.design ? bundleOfLink(design.design) : new Map<string, string>(),
  )
  const links = computed(() => {
    const frame = simulation.frame?.links
    if (!frame || !design.design) return EMPTY_LINK_OVERLAY
    return linkOverlayOf(design.design, frame, bundles.value)
  })
  return { hosts, migrations, storage, links }
}
