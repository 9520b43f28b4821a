/**
 * Experiments (issue 16): the factors being defined on the open design, the experiment that
 * runs or last ran (its progress from `experiments:progress`), its comparison
 * (`experiments:results`, reloaded as runs end), the one run opened (`experiments:run`) and
 * the run opened in the app as the design (`experiments:open-run`).
 */
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { api } from '../api'
import type {
  ExperimentInfo,
  ExperimentProgressEvent,
  ExperimentResults,
  ExperimentRunDetail,
  ExperimentRunSeries,
  Problem,
} from '../../../shared/contract'
import { withDiscardPrompt } from './discard-guard'
import { useDesignStore } from './design'
import { varyFromDrafts, type FactorDraft } from './experiment-factors'
import { useSimulationStore } from './simulation'

/** Most runs compared side by side. */
export const MAX_COMPARED_RUNS = 4

/** Least time between two reloads of the comparison while runs end, milliseconds. */
const RESULTS_RELOAD_MS = 1000

export const useExperimentsStore = defineStore('experiments', () => {
  const factors = ref<FactorDraft[]>([{ path: 'simulation.policy', values: '' }])
  const repeat = ref(1)
  const current = ref<ExperimentInfo | undefined>()
  const progress = ref<ExperimentProgressEvent | undefined>()
  const results = shallowRef<ExperimentResults | undefined>()
  const openRun = ref<ExperimentRunDetail | undefined>()
  /** The run opened in the app (`experiments:open-run`) and the design revision it became. */
  const inApp = ref<{ runId: string; revision: number; designName: string } | undefined>()
  /** Runs chosen to compare side by side (2..MAX_COMPARED_RUNS), and their series once loaded. */
  const compareIds = ref<string[]>([])
  const comparison = shallowRef<ExperimentRunSeries[] | undefined>()
  const comparing = ref(false)
  /** The last problem ('' when none), with its located details. */
  const error = ref('')
  const problems = ref<Problem[]>([])
  let reloadTimer: ReturnType<typeof setTimeout> | undefined
  let unsubscribe: (() => void) | undefined

  function listen(): void {
    if (unsubscribe) return
    unsubscribe = api.on('experiments:progress', (p) => {
      if (p.experimentId !== current.value?.experimentId) return
      progress.value = p
      if (p.status !== 'running') {
        clearTimeout(reloadTimer)
        reloadTimer = undefined
        void loadResults()
      } else if (!reloadTimer)
        reloadTimer = setTimeout(() => {
          reloadTimer = undefined
          void loadResults()
        }, RESULTS_RELOAD_MS)
    })
  }

  function addFactor(): void {
    factors.value.push({ path: '', values: '' })
  }

  function removeFactor(index: number): void {
    factors.value.splice(index, 1)
  }

  /** Starts the experiment the panel defines on the open design. */
  async function run(): Promise<void> {
    listen()
    problems.value = []
    const vary = varyFromDrafts(factors.value)
    if (!vary.ok) {
      error.value = vary.message
      return
    }
    const r = await api.call('experiments:start', { vary: vary.vary, repeat: repeat.value })
    if (!r.ok) {
      error.value = r.error.message
      problems.value = r.error.problems ?? []
      return
    }
    error.value = ''
    current.value = r.value
    progress.value = r.value.progress
    results.value = undefined
    openRun.value = undefined
    compareIds.value = []
    comparison.value = undefined
  }

  /**
   * After a reload the panel starts empty while main still holds this session's experiments:
   * takes up the latest one started (`experiments:list`), its progress and its results.
   */
  async function resume(): Promise<void> {
    if (current.value) return
    const r = await api.call('experiments:list', {})
    if (!r.ok || current.value) return
    const latest = [...r.value].sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1))[0]
    if (!latest) return
    listen()
    current.value = latest
    progress.value = latest.progress
    await loadResults()
  }

  async function cancel(): Promise<void> {
    const id = current.value?.experimentId
    if (!id) return
    const r = await api.call('experiments:cancel', { experimentId: id })
    if (!r.ok) error.value = r.error.message
  }

  async function loadResults(): Promise<void> {
    const id = current.value?.experimentId
    if (!id) return
    const r = await api.call('experiments:results', { experimentId: id })
    if (r.ok && r.value.experimentId === current.value?.experimentId) results.value = r.value
    else if (!r.ok) error.value = r.error.message
  }

  /** Opens one run of the current experiment (its summary and tenants). */
  async function open(runId: string): Promise<void> {
    const id = current.value?.experimentId
    if (!id) return
    const r = await api.call('experiments:run', { experimentId: id, runId })
    if (r.ok) openRun.value = r.value
    else error.value = r.error.message
  }

  function closeRun(): void {
    openRun.value = undefined
  }

  /** Adds run `runId` to the runs to compare, or takes it out (at most MAX_COMPARED_RUNS). */
  function toggleCompare(runId: string): void {
    const at = compareIds.value.indexOf(runId)
    if (at >= 0) compareIds.value.splice(at, 1)
    else if (compareIds.value.length < MAX_COMPARED_RUNS) compareIds.value.push(runId)
  }

  /** Loads the series of the chosen runs (each simulated again in main's pool). */
  async function compare(): Promise<void> {
    const id = current.value?.experimentId
    if (!id || compareIds.value.length < 2) return
    comparing.value = true
    try {
      const r = await api.call('experiments:series', {
        experimentId: id,
        runIds: [...compareIds.value],
      })
      if (r.ok) {
        comparison.value = r.value
        error.value = ''
      } else error.value = r.error.message
    } finally {
      comparing.value = false
    }
  }

  function closeComparison(): void {
    comparison.value = undefined
  }

  /** Whether run `runId` is the open design, unedited since it was opened. */
  function isInApp(runId: string): boolean {
    const d = useDesignStore()
    return inApp.value?.runId === runId && d.state.revision === inApp.value.revision
  }

  /**
   * Opens run `runId` in the app: its resolved design becomes the open design (new, unsaved,
   * no file; asks first when the open design has unsaved changes) and is simulated, so the
   * canvas and the Simulation panel show its result. Resolves false when nothing was opened.
   */
  async function openInApp(runId: string): Promise<boolean> {
    const id = current.value?.experimentId
    if (!id) return false
    if (isInApp(runId)) return true
    const r = await withDiscardPrompt((discardChanges) =>
      api.call('experiments:open-run', { experimentId: id, runId, discardChanges }),
    )
    if (!r) return false
    if (!r.ok) {
      error.value = r.error.message
      return false
    }
    error.value = ''
    inApp.value = { runId, revision: r.value.state.revision, designName: r.value.designName }
    const design = useDesignStore()
    await design.refresh()
    // the same engine, design and seed as the run: the result is the run's
    await useSimulationStore().runSimulation({})
    return true
  }

  return {
    factors,
    repeat,
    current,
    progress,
    results,
    openRun,
    inApp,
    compareIds,
    comparison,
    comparing,
    error,
    problems,
    addFactor,
    removeFactor,
    run,
    cancel,
    resume,
    loadResults,
    open,
    closeRun,
    isInApp,
    openInApp,
    toggleCompare,
    compare,
    closeComparison,
  }
})
