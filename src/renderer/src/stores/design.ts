/**
 * The open design as main last described it: a cache of DTOs, patched from `design:changed`
 * events. The design object is held in a `shallowRef` (never deeply reactive: it can hold
 * thousands of hosts); every change replaces it, so computed views recompute. All edits go
 * through `design:apply`, so undo/redo covers them.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { api } from '../api'
import type { EditCommandInput } from '../../../shared/contract/schemas/design'
import type {
  DesignChanges,
  DesignProblems,
  DesignState,
  Problem,
  ProblemCounts,
  ProblemElements,
  Result,
  StrataError,
} from '../../../shared/contract'
import { ENTITY_COLLECTIONS, type EntityKind } from '../../../shared/design/enums'
import type { Design } from '../../../shared/design/schema'
import type { DesignSnapshot } from '../../../shared/contract/calls/design'

export type DesignListener = (changes: DesignChanges, design: Design, revision: number) => void

type Item = { id: string } & Record<string, unknown>

/** Applies a change set to an immutable design, returning a new design. */
export function patchDesign(design: Design, changes: DesignChanges): Design {
  const next: Record<string, unknown> = { ...design }
  const touched = new Map<string, Item[]>()
  const list = (key: string): Item[] => {
    let l = touched.get(key)
    if (!l) {
      l = [...((design as unknown as Record<string, Item[]>)[key] ?? [])]
      touched.set(key, l)
      next[key] = l
    }
    return l
  }
  if (changes.removed.length > 0) {
    const gone = new Set(changes.removed)
    for (const key of Object.values(ENTITY_COLLECTIONS)) {
      const current = (design as unknown as Record<string, Item[]>)[key] ?? []
      if (current.some((e) => gone.has(e.id))) {
        const kept = current.filter((e) => !gone.has(e.id))
        touched.set(key, kept)
        next[key] = kept
      }
    }
  }
  for (const { kind, entity } of changes.upserted) {
    const l = list(ENTITY_COLLECTIONS[kind])
    const at = l.findIndex((e) => e.id === entity.id)
    if (at >= 0) l[at] = entity as Item
    else l.push(entity as Item)
  }
  return next as unknown as Design
}

/** `design` with the settings a `design:changed` event carries (a new object when any). */
export function patchSettings(
  design: Design,
  patch: { meta?: Design['meta']; simulation?: Design['simulation'] },
): Design {
  if (!patch.meta && !patch.simulation) return design
  return {
    ...design,
    ...(patch.meta ? { meta: patch.meta } : {}),
    ...(patch.simulation ? { simulation: patch.simulation } : {}),
  }
}

export const useDesignStore = defineStore('design', () => {
  const design = shallowRef<Design | undefined>()
  const state = ref<DesignState>({ revision: -1, dirty: false, canUndo: false, canRedo: false })
  /** The problems main lists (at most 200 and a count of the rest: `boundedProblems`). */
  const problems = shallowRef<Problem[]>([])
  /** How many problems the design has, listed or not. */
  const problemCounts = shallowRef<ProblemCounts>({ errors: 0, warnings: 0 })
  /** Every element with an error or a warning (canvas marks). */
  const problemElements = shallowRef<ProblemElements>({ errors: [], warnings: [] })
  /** The last error a call returned, for the status bar. */
  const lastError = ref<StrataError | undefined>()
  /**
   * Why main refused to send the open design (`design:get` failed, e.g. an answer over the
   * size cap): while set, no design is shown, and the title, save status and problem count say
   * so instead of showing an empty "Untitled" as if it were the open design (review s9a #1).
   */
  const refused = ref<StrataError | undefined>()
  const listeners = new Set<DesignListener>()
  let unsubscribe: (() => void) | undefined

  /** Every element by id, with its kind. */
  const index = computed(() => {
    const map = new Map<string, { kind: EntityKind; entity: Item }>()
    const d = design.value
    if (!d) return map
    for (const [kind, key] of Object.entries(ENTITY_COLLECTIONS) as Array<[EntityKind, string]>)
      for (const entity of (d as unknown as Record<string, Item[]>)[key] ?? [])
        map.set(entity.id, { kind, entity })
    return map
  })

  const name = computed(() => design.value?.meta.name ?? '')
  /**
   * The document's title, dirty mark and save status, all from `state.dirty`: the menu bar,
   * the window title and the status bar read these and never keep their own copy.
   */
  const title = computed(() =>
    refused.value
      ? 'The open design cannot be shown'
      : `${name.value || 'Untitled'}${state.value.dirty ? ' (unsaved)' : ''}`,
  )
  const saveStatus = computed<'saved' | 'unsaved' | 'unknown'>(() =>
    refused.value ? 'unknown' : state.value.dirty ? 'unsaved' : 'saved',
  )

  function setProblems(p: DesignProblems): void {
    problems.value = p.problems
    problemCounts.value = p.problemCounts
    problemElements.value = p.problemElements
  }

  function notify(changes: DesignChanges): void {
    const d = design.value
    if (!d) return
    for (const listener of listeners) listener(changes, d, state.value.revision)
    warmIndex()
  }

  /**
   * Builds the index when the page is idle after a change, so a click on an element (the
   * inspector, names) finds it built rather than walking the whole design (20,000 elements
   * at 10,000 hosts) on the way to its first frame.
   */
  function warmIndex(): void {
    if (typeof requestIdleCallback !== 'function') return
    requestIdleCallback(() => void index.value.size, { timeout: 2000 })
  }

  const REPLACED: DesignChanges = {
    upserted: [],
    removed: [],
    metaChanged: true,
    simulationChanged: true,
    replaced: true,
  }

  /** Fetches the whole design; listeners get `changes` (default: everything replaced). */
  async function refresh(changes: DesignChanges = REPLACED): Promise<boolean> {
    return show(changes, fetchDesign())
  }

  function fetchDesign(): Promise<Result<DesignSnapshot>> {
    performance.mark('design:get:start')
    return api
      .call('design:get', {})
      .finally(() => performance.measure('design:get', 'design:get:start'))
  }

  /**
   * Shows the design of `answer` (an answer older than the design shown, which a change
   * event fetched meanwhile, is dropped); false when main refused it.
   */
  async function show(
    changes: DesignChanges,
    answer: Promise<Result<DesignSnapshot>>,
  ): Promise<boolean> {
    const result = await answer
    if (!result.ok) {
      lastError.value = result.error
      // what was shown is no longer the open design: show none rather than a stale or empty one
      refused.value = result.error
      design.value = undefined
      setProblems({
        problems: [],
        problemCounts: { errors: 0, warnings: 0 },
        problemElements: { errors: [], warnings: [] },
      })
      return false
    }
    const { design: d, problems: p, problemCounts: c, problemElements: e, ...s } = result.value
    if (design.value && s.revision < state.value.revision) return true
    refused.value = undefined
    design.value = d
    setProblems({ problems: p, problemCounts: c, problemElements: e })
    state.value = s
    notify(changes)
    return true
  }

  /** The design asked for by `prefetch`, until `start` shows it. */
  let early: Promise<Result<DesignSnapshot>> | undefined

  /**
   * Follows main's change events and asks for the design at once, before the page knows
   * whether this session may read it (`app:info`): the first frame of a large design then
   * waits for one round trip, not two, and the design travels while the shell mounts.
   * `start` shows the answer; a tenant session never calls `start`, and its answer
   * (`forbidden`) is dropped.
   */
  function prefetch(): void {
    follow()
    early ??= fetchDesign()
  }

  function follow(): void {
    unsubscribe ??= api.on('design:changed', (payload) => {
      if (payload.state.revision <= state.value.revision) return
      const { changes } = payload
      // changed settings come with the event (a horizon saved must not refetch 10,000 hosts);
      // fetch only what the event does not carry
      const needsFetch =
        !design.value ||
        changes.replaced ||
        (changes.metaChanged && !payload.meta) ||
        (changes.simulationChanged && !payload.simulation)
      if (needsFetch) {
        void refresh(design.value ? changes : REPLACED)
        return
      }
      design.value = patchSettings(patchDesign(design.value as Design, changes), payload)
      state.value = payload.state
      setProblems(payload)
      notify(payload.changes)
    })
  }

  /** Loads the design (the one `prefetch` asked for, if any) and follows main's change events. */
  async function start(): Promise<boolean> {
    follow()
    const answer = early ?? fetchDesign()
    early = undefined
    return show(REPLACED, answer)
  }

  function stop(): void {
    unsubscribe?.()
    unsubscribe = undefined
  }

  /** Subscribes to applied changes (the canvas adapter patches itself from these). */
  function onChange(listener: DesignListener): () => void {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }

  async function settle<T>(result: Promise<Result<T>>): Promise<Result<T>> {
    const r = await result
    lastError.value = r.ok ? undefined : r.error
    return r
  }

  /** Sends one edit command to main. */
  function apply(command: EditCommandInput): Promise<Result<DesignState>> {
    return settle(api.call('design:apply', { command }))
  }

  const undo = (): Promise<Result<DesignState>> => settle(api.call('design:undo', {}))
  const redo = (): Promise<Result<DesignState>> => settle(api.call('design:redo', {}))

  return {
    design,
    state,
    problems,
    problemCounts,
    problemElements,
    lastError,
    refused,
    index,
    name,
    title,
    saveStatus,
    prefetch,
    start,
    stop,
    refresh,
    onChange,
    apply,
    undo,
    redo,
    settle,
  }
})
