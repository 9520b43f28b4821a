/**
 * Simulation runs as main reports them: the current run's progress (`simulation:progress`),
 * its series so far while it runs (`live`, from the events' deltas, published at most ~4
 * times a second), its result when done, and the UI's time cursor into the result's series
 * (the canvas shows that instant; during a run, the latest state). Results and live series
 * are held shallowly: series can be large.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { api } from '../api'
import type {
  Result,
  SimulationResult,
  SimulationRunInfo,
  StrataError,
} from '../../../shared/contract'
import { useDesignStore } from './design'
import { applyLiveDelta, emptyLive, snapshotLive, type LiveSeries } from './simulation-live'
import { HostSeriesOnDemand, type OnDemandSeries } from './simulation-host-series'
import { replayRun } from './simulation-instances'
import { usePlacementStore } from './placement'
import type { InstancesOverTime } from '../../../shared/domain/instances-at'
import {
  frameHosts,
  keptRackMeans,
  patchFrame,
  resultFrame,
  resultFrameSliced,
  type FrameInput,
  type HostFrame,
  type SimulationFrame,
} from './simulation-frame'

const NO_SERIES: ReadonlyMap<string, OnDemandSeries> = new Map()
const NO_HOSTS: ReadonlyArray<{ id: string; rackId?: string }> = []
const NO_COLOURS: ReadonlyMap<string, string> = new Map()

/** Least time between two publications of the live series, milliseconds. */
const LIVE_PUBLISH_MS = 250

export type { HostFrame, SimulationFrame } from './simulation-frame'

/**
 * Frames of runs with more hosts than this are built in slices (the previous frame showing
 * until the new one is done); smaller ones at once, when read.
 */
export const SLICED_FRAME_HOSTS = 2000

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

  /**
   * What the frame of the finished run at the slider's sample is built from (undefined: no
   * result, or no sample). The design's hosts and the series fetched on demand are read only
   * for runs that kept only rack means, the colours only for a replayed run: an edit elsewhere
   * in the design rebuilds no frame.
   */
  const frameInput = computed<FrameInput | undefined>(() => {
    const r = result.value
    const i = timeIndex.value
    if (!r || i < 0 || i >= r.series.timesS.length) return undefined
    const rackMeans = keptRackMeans(r)
    const rep = replay.value
    return {
      result: r,
      index: i,
      onDemand: rackMeans ? onDemand.value : NO_SERIES,
      replay: rep,
      designHosts: rackMeans ? (design.design?.hosts ?? NO_HOSTS) : NO_HOSTS,
      colours: rep ? tenantColours.value : NO_COLOURS,
    }
  })

  /**
   * A large run's frame, built in slices (or patched, when only the series fetched on demand
   * changed) from `input`; the frame shows it once it is done.
   */
  const builtFrame = shallowRef<{ input: FrameInput; frame: SimulationFrame }>()
  let building = 0
  watch(frameInput, async (input) => {
    const build = ++building
    if (!input || frameHosts(input) <= SLICED_FRAME_HOSTS) {
      builtFrame.value = undefined
      return
    }
    const before = builtFrame.value
    const patched = before ? patchFrame(before.frame, before.input, input) : undefined
    if (patched) {
      builtFrame.value = { input, frame: patched }
      return
    }
    const frame = await resultFrameSliced(input, () => build === building)
    if (frame) builtFrame.value = { input, frame }
  })

  const frame = computed<SimulationFrame | undefined>((previous) => {
    if (!result.value) return liveFrame.value
    const input = frameInput.value
    if (!input) return undefined
    if (frameHosts(input) <= SLICED_FRAME_HOSTS) return resultFrame(input)
    const built = builtFrame.value
    if (built?.input === input) return built.frame
    // until the slices are done, the frame shown before stays (the live one at a run's end)
    return previous
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
