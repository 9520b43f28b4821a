/**
 * Simulation runs as main reports them: the current run's progress (`simulation:progress`),
 * its result when done, and the UI's time cursor into the result's series (the canvas shows
 * that instant). Results are held shallowly: series can be large.
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

export interface HostFrame {
  utilization: number
  failed: boolean
  off: boolean
}

/** The state of the datacenter at one sample of the run, for the canvas. */
export interface SimulationFrame {
  timeS: number
  hosts: Map<string, HostFrame>
  migrations: Array<{ id: string; from: string; to: string }>
}

export const useSimulationStore = defineStore('simulation', () => {
  const run = ref<SimulationRunInfo | undefined>()
  const result = shallowRef<SimulationResult | undefined>()
  const error = ref<StrataError | undefined>()
  /** Index into `result.series.timesS` shown on the canvas; -1 = none. */
  const timeIndex = ref(-1)
  let stepping = false
  const unsubscribers: Array<() => void> = []

  const sampleCount = computed(() => result.value?.series.timesS.length ?? 0)

  const frame = computed<SimulationFrame | undefined>(() => {
    const r = result.value
    const i = timeIndex.value
    if (!r || i < 0 || i >= r.series.timesS.length) return undefined
    const timeS = r.series.timesS[i] as number
    const hosts = new Map<string, HostFrame>()
    const down = new Set(
      r.failures
        .filter((f) => f.atS <= timeS && (f.repairedAtS === undefined || timeS < f.repairedAtS))
        .map((f) => f.hostId),
    )
    for (const h of r.series.hosts) {
      const utilization = h.utilization[i] ?? 0
      const instances = h.instances[i] ?? 0
      hosts.set(h.hostId, {
        utilization,
        failed: down.has(h.hostId),
        off: instances === 0 && utilization === 0,
      })
    }
    // migrations under way during the step that ends at this sample
    const stepS = i > 0 ? timeS - (r.series.timesS[i - 1] as number) : timeS
    const migrations = r.migrations
      .filter((m) => m.startS <= timeS && m.endS > timeS - stepS)
      .map((m, k) => ({ id: `${m.instanceId}@${k}`, from: m.fromHostId, to: m.toHostId }))
    return { timeS, hosts, migrations }
  })

  async function fetchResult(runId: string): Promise<void> {
    const r = await api.call('simulation:get', { runId })
    if (!r.ok) return
    run.value = r.value
    if (r.value.result) {
      result.value = r.value.result
      timeIndex.value = Math.max(0, r.value.result.series.timesS.length - 1)
    }
  }

  function start(): void {
    if (unsubscribers.length > 0) return
    unsubscribers.push(
      api.on('simulation:progress', (info) => {
        if (run.value && info.runId !== run.value.runId) return
        run.value = info
        if (stepping && info.status === 'running') {
          stepping = false
          void pause()
        }
      }),
      api.on('simulation:finished', (detail) => {
        if (run.value && detail.runId !== run.value.runId) return
        run.value = detail
        if (detail.result) {
          result.value = detail.result
          timeIndex.value = Math.max(0, detail.result.series.timesS.length - 1)
        } else void fetchResult(detail.runId)
      }),
    )
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
    result.value = undefined
    timeIndex.value = -1
    const info = settle(await api.call('simulation:start', options))
    if (info) run.value = info
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

  /** Runs until the next progress report, then pauses again. */
  async function step(): Promise<void> {
    if (run.value?.status !== 'paused') return
    stepping = true
    await resume()
  }

  async function cancel(): Promise<void> {
    if (!run.value) return
    const info = settle(await api.call('simulation:cancel', { runId: run.value.runId }))
    if (info) run.value = info
  }

  function stop(): void {
    for (const u of unsubscribers.splice(0)) u()
  }

  return {
    run,
    result,
    error,
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
  }
})
