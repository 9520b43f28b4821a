/**
 * Simulation runs as main reports them: the current run's progress (`simulation:progress`),
 * its series so far while it runs (`live`, from the events' deltas, published at most ~4
 * times a second), its result when done, and the UI's time cursor into the result's series
 * (the canvas shows that instant; during a run, the latest state). Results and live series
 * are held shallowly: series can be large.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { api } from '../api'
import type {
  Result,
  SimulationResult,
  SimulationRunInfo,
  StrataError,
} from '../../../shared/contract'
import { useDesignStore } from './design'
import { applyLiveDelta, emptyLive, snapshotLive, type LiveSeries } from './simulation-live'
import { storageFrameAt, type StorageFrame } from './storage-frame'
import { linkFrameAt, type LinkFrame } from './network-frame'
import { HostSeriesOnDemand, type OnDemandSeries } from './simulation-host-series'
import { instancesAt, replayRun } from './simulation-instances'
import { usePlacementStore } from './placement'
import type { InstancesOverTime } from '../../../shared/domain/instances-at'
import type { HostOverlay } from '../drawing/host-overlay'

/** Least time between two publications of the live series, milliseconds. */
const LIVE_PUBLISH_MS = 250

export interface HostFrame {
  utilization: number
  failed: boolean
  off: boolean
  /**
   * No per-host series for this host in the window (the run kept none, or they are still
   * being fetched for the racks in view): `utilization` is the mean of the host's rack.
   */
  rackMean?: boolean
  /**
   * Instances on the host at this sample, per tenant (a finished run replayed from its
   * placement, `simulation-instances.ts`); absent: the placement's, as placed.
   */
  instances?: HostOverlay['instances']
}

/** The state of the datacenter at one sample of the run, for the canvas. */
export interface SimulationFrame {
  timeS: number
  hosts: Map<string, HostFrame>
  migrations: Array<{ id: string; from: string; to: string }>
  /** Storage systems at this sample (runs with the storage model, issue 17). */
  storage?: Map<string, StorageFrame>
  /** Links and external uplinks at this time (runs with traffic, issue 17). */
  links?: Map<string, LinkFrame>
}

export const useSimulationStore = defineStore('simulation', () => {
  const run = ref<SimulationRunInfo | undefined>()
  const result = shallowRef<SimulationResult | undefined>()
  const error = ref<StrataError | undefined>()
  /** What opening another design stopped (review s7u #6), until the next run starts. */
  const stoppedNotice = ref<string | undefined>()
  /** Index into `result.series.timesS` shown on the canvas; -1 = none. */
  const timeIndex = ref(-1)
  /** The result's instances over time (review s9u A2), set with `result`; see `replayRun`. */
  const replay = shallowRef<InstancesOverTime | undefined>()
  const placement = usePlacementStore()
  /** The running run's series so far (a snapshot, replaced at most every LIVE_PUBLISH_MS). */
  const live = shallowRef<LiveSeries | undefined>()
  let liveBuffer: LiveSeries | undefined
  let publishTimer: ReturnType<typeof setTimeout> | undefined
  const unsubscribers: Array<() => void> = []
  const design = useDesignStore()

  /** Per-host series fetched for the hosts in view (runs too large to ship them whole). */
  const onDemand = shallowRef<ReadonlyMap<string, OnDemandSeries>>(new Map())
  const fetcher = new HostSeriesOnDemand((series) => (onDemand.value = series))

  const sampleCount = computed(() => result.value?.series.timesS.length ?? 0)

  const liveFrame = computed<SimulationFrame | undefined>(() => {
    const l = live.value
    const hostIds = design.design?.hosts.map((h) => h.id) ?? []
    if (!l || l.timesS.length === 0 || l.hostUtilizationNow.length !== hostIds.length)
      return undefined
    const failed = new Set(l.failedHostIds)
    const hosts = new Map<string, HostFrame>()
    hostIds.forEach((hostId, h) => {
      const utilization = l.hostUtilizationNow[h] ?? 0
      hosts.set(hostId, { utilization, failed: failed.has(hostId), off: false })
    })
    return { timeS: l.timesS[l.timesS.length - 1] as number, hosts, migrations: [] }
  })

  /** Tenant id -> colour, for the replayed instances. */
  const tenantColours = computed(
    () => new Map((design.design?.tenants ?? []).map((t) => [t.id, t.colour])),
  )

  const frame = computed<SimulationFrame | undefined>(() => {
    const r = result.value
    const i = timeIndex.value
    if (!r) return liveFrame.value
    if (i < 0 || i >= r.series.timesS.length) return undefined
    const timeS = r.series.timesS[i] as number
    const hosts = new Map<string, HostFrame>()
    const down = new Set(
      r.failures
        .filter((f) => f.atS <= timeS && (f.repairedAtS === undefined || timeS < f.repairedAtS))
        .map((f) => f.hostId),
    )
    /** Each host's instance count in its own series at this sample (checks the replay). */
    const counted = new Map<string, number>()
    for (const h of r.series.hosts) {
      const utilization = h.utilization[i] ?? 0
      const instances = h.instances[i] ?? 0
      counted.set(h.hostId, instances)
      hosts.set(h.hostId, {
        utilization,
        failed: down.has(h.hostId),
        off: instances === 0 && utilization === 0,
      })
    }
    // per-host series not in the result (a large run): the hosts fetched on demand show
    // their own, the others their rack's mean
    if (r.series.hosts.length === 0 && r.series.racks) {
      const racks = new Map(r.series.racks.map((x) => [x.rackId, x]))
      const own = onDemand.value
      for (const h of design.design?.hosts ?? []) {
        const mine = own.get(h.id)
        if (mine) {
          const utilization = mine.utilization[i] ?? 0
          counted.set(h.id, mine.instances[i] ?? 0)
          const off = (mine.instances[i] ?? 0) === 0 && utilization === 0
          hosts.set(h.id, { utilization, failed: down.has(h.id), off })
          continue
        }
        const rack = h.rackId ? racks.get(h.rackId) : undefined
        if (!rack) continue
        const utilization = rack.utilization[i] ?? 0
        hosts.set(h.id, { utilization, failed: down.has(h.id), off: false, rackMean: true })
      }
    }
    // where the instances were at this sample, when the run is replayed (review s9u A2)
    const rep = replay.value
    const shown = rep ? instancesAt(rep, timeS, counted, tenantColours.value) : undefined
    if (shown) for (const [hostId, f] of hosts) f.instances = shown.get(hostId) ?? []
    // migrations under way during the step that ends at this sample
    const stepS = i > 0 ? timeS - (r.series.timesS[i - 1] as number) : timeS
    const migrations = r.migrations
      .filter((m) => m.startS <= timeS && m.endS > timeS - stepS)
      .map((m, k) => ({ id: `${m.instanceId}@${k}`, from: m.fromHostId, to: m.toHostId }))
    const storage = storageFrameAt(r, i, timeS)
    const links = linkFrameAt(r, timeS)
    return {
      timeS,
      hosts,
      migrations,
      ...(storage ? { storage } : {}),
      ...(links ? { links } : {}),
    }
  })

  function publishLive(): void {
    if (publishTimer !== undefined) clearTimeout(publishTimer)
    publishTimer = undefined
    live.value = liveBuffer ? snapshotLive(liveBuffer) : undefined
  }

  function schedulePublish(): void {
    if (publishTimer === undefined) publishTimer = setTimeout(publishLive, LIVE_PUBLISH_MS)
  }

  function resetLive(): void {
    liveBuffer = undefined
    publishLive()
  }

  /** Takes a progress event's delta into the live series of its run. */
  function takeLive(info: SimulationRunInfo): void {
    if (!info.live) return
    if (liveBuffer?.runId !== info.runId) liveBuffer = emptyLive(info.runId)
    if (!applyLiveDelta(liveBuffer, info.live)) return
    // a held run shows its latest state at once; a running one a few times a second
    if (info.status === 'running') schedulePublish()
    else publishLive()
  }

  /**
   * Reads a finished run's lean result (no per-instance records; per-host series only for
   * small runs: larger ones are fetched for the hosts in view, `wantHostSeries`).
   */
  async function fetchResult(runId: string): Promise<void> {
    const r = await api.call('simulation:get', { runId, lean: true })
    // no result to show: the live series' last state (held back at the run's end) shows
    if (!r.ok) return publishLive()
    if (run.value && run.value.runId !== runId) return
    const { result: got, ...info } = r.value
    run.value = info
    if (got) {
      // the replay first, so the frame is built once, with it
      const replayed = await replayRun(
        got,
        placement.result,
        design.design,
        () => !run.value || run.value.runId === runId,
      )
      if (run.value && run.value.runId !== runId) return
      resetLive()
      fetcher.reset(got.series.hosts.length === 0 && info.hostSeries === 'kept' ? runId : undefined)
      replay.value = replayed
      result.value = got
      timeIndex.value = Math.max(0, got.series.timesS.length - 1)
    } else publishLive()
  }

  /**
   * Asks main for the per-host series of `hostIds` (the hosts the canvas shows) when the result
   * did not carry them; the frame shows them as they come.
   */
  function wantHostSeries(hostIds: ReadonlyArray<string>): void {
    fetcher.want(hostIds)
  }

  /** Forgets the run, its result, live series and fetched per-host series. */
  function clear(): void {
    generation++
    run.value = undefined
    result.value = undefined
    replay.value = undefined
    error.value = undefined
    timeIndex.value = -1
    fetcher.reset(undefined)
    resetLive()
  }

  /** Counts this window's own starts and clears, so a late answer about older runs is dropped. */
  let generation = 0

  function start(): void {
    if (unsubscribers.length > 0) return
    unsubscribers.push(
      // Another design opened (by this window or another client): the run was the old
      // design's (review s6 #5), main has dropped it too; the canvas overlay follows the frame.
      api.on('design:changed', (payload) => {
        if (!payload.changes.replaced) return
        clear()
        stoppedNotice.value = payload.notices?.join(' ') || undefined
      }),
      api.on('simulation:progress', (info) => {
        if (run.value && info.runId !== run.value.runId) return
        const { live: _delta, ...rest } = info
        run.value = rest
        if (!result.value) takeLive(info)
      }),
      api.on('simulation:finished', (info) => {
        if (run.value && info.runId !== run.value.runId) return
        const { live: _delta, ...rest } = info
        run.value = rest
        // the result is read, lean, once: the event carries none. A live snapshot still
        // waiting to be published is not: the result's last frame replaces it at once, and
        // each frame rebuilds the 10,000-host canvas overlay (issue 19: it ran twice at a run's end)
        if (publishTimer !== undefined) clearTimeout(publishTimer)
        publishTimer = undefined
        void fetchResult(info.runId)
      }),
    )
    void adoptLastRun()
  }

  /**
   * A window opened (or reloaded) after a run shows main's latest run, as the tenant views
   * already do (review s6u #5: the tab was empty while tenants saw the run's bill). A run this
   * window started or heard of meanwhile wins.
   */
  async function adoptLastRun(): Promise<void> {
    const asked = generation
    const r = await api.call('simulation:list', {})
    if (!r.ok || run.value || asked !== generation) return
    const last = r.value.at(-1)
    if (!last) return
    run.value = last
    if (last.status !== 'running' && last.status !== 'paused') await fetchResult(last.runId)
  }

  function settle<T>(r: Result<T>): T | undefined {
    if (r.ok) {
      error.value = undefined
      return r.value
    }
    error.value = r.error
    return undefined
  }

  async function runSimulation(
    options: { horizonS?: number; policy?: string } = {},
  ): Promise<void> {
    start()
    generation++
    stoppedNotice.value = undefined
    result.value = undefined
    fetcher.reset(undefined)
    timeIndex.value = -1
    resetLive()
    // the new run's first events may come before this call's answer: take them
    run.value = undefined
    const info = settle(await api.call('simulation:start', options))
    // keep what the run's events already told (it may even have finished by now)
    const known = run.value as SimulationRunInfo | undefined
    if (info && known?.runId !== info.runId) run.value = info
  }

  async function pause(): Promise<void> {
    if (!run.value) return
    const info = settle(await api.call('simulation:pause', { runId: run.value.runId }))
    if (info) run.value = info
  }

  async function resume(): Promise<void> {
    if (!run.value) return
    const info = settle(await api.call('simulation:resume', { runId: run.value.runId }))
    if (info) run.value = info
  }

  /** Advances a paused run by one scheduling step in main; its progress event follows. */
  async function step(): Promise<void> {
    if (run.value?.status !== 'paused') return
    const info = settle(await api.call('simulation:step', { runId: run.value.runId }))
    if (info) run.value = info
  }

  async function cancel(): Promise<void> {
    if (!run.value) return
    const info = settle(await api.call('simulation:cancel', { runId: run.value.runId }))
    if (info) run.value = info
  }

  function stop(): void {
    for (const u of unsubscribers.splice(0)) u()
    if (publishTimer !== undefined) clearTimeout(publishTimer)
    publishTimer = undefined
  }

  return {
    run,
    result,
    live,
    error,
    stoppedNotice,
    timeIndex,
    sampleCount,
    frame,
    start,
    stop,
    runSimulation,
    pause,
    resume,
    step,
    cancel,
    fetchResult,
    wantHostSeries,
    onDemand,
  }
})
