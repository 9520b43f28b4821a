/**
 * The open design: holds it, applies edit commands with undo/redo, tracks dirtiness against
 * the last save, validates (cached per design), and tells listeners what changed.
 */
import type { Design } from '../../shared/design/schema'
import type { DesignChanges, DesignState } from '../../shared/domain/design-edits'
import { fail, ok, type Result } from '../../shared/domain/result'
import type { Problem } from '../../shared/domain/problem'
import { applyCommand, commandLabel, type EditCommand } from './model/commands'
import { emptyDesign } from './model/defaults'
import { diffDesigns } from './model/diff'
import { checkDesignRules, checkIntegrity } from './model/validate'

export interface DesignChange {
  state: DesignState
  changes: DesignChanges
  design: Design
}

interface HistoryEntry {
  design: Design
  label: string
}

const REPLACED: DesignChanges = {
  upserted: [],
  removed: [],
  metaChanged: true,
  simulationChanged: true,
  replaced: true,
}

export class DesignSession {
  private current: Design
  private saved: Design | undefined
  private revision = 0
  private filePath: string | undefined
  private readonly undoStack: HistoryEntry[] = []
  private readonly redoStack: HistoryEntry[] = []
  private readonly listeners = new Set<(change: DesignChange) => void>()
  private problemsCache: { design: Design; problems: Problem[] } | undefined

  /** @param maxUndo how many edits undo can go back (older ones are dropped). */
  constructor(
    initial: Design = emptyDesign(),
    private readonly maxUndo = 500,
  ) {
    this.current = initial
    this.saved = initial
  }

  get design(): Design {
    return this.current
  }

  get state(): DesignState {
    const state: DesignState = {
      revision: this.revision,
      dirty: this.current !== this.saved,
      canUndo: this.undoStack.length > 0,
      canRedo: this.redoStack.length > 0,
    }
    const undo = this.undoStack.at(-1)
    const redo = this.redoStack.at(-1)
    if (undo) state.undoLabel = undo.label
    if (redo) state.redoLabel = redo.label
    if (this.filePath) state.filePath = this.filePath
    return state
  }

  /** Every problem of the open design (integrity problems cannot occur: loads refuse them). */
  get problems(): Problem[] {
    if (this.problemsCache?.design !== this.current) {
      this.problemsCache = { design: this.current, problems: checkDesignRules(this.current) }
    }
    return this.problemsCache.problems
  }

  onChange(listener: (change: DesignChange) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  apply(command: EditCommand): Result<DesignState> {
    const result = applyCommand(this.current, command)
    if (!result.ok) return fail('bad-request', refusal(result.problems), result.problems)
    this.undoStack.push({ design: this.current, label: commandLabel(command) })
    if (this.undoStack.length > this.maxUndo) this.undoStack.shift()
    this.redoStack.length = 0
    this.current = result.design
    this.emit(result.changes)
    return ok(this.state)
  }

  undo(): Result<DesignState> {
    const entry = this.undoStack.pop()
    if (!entry) return fail('conflict', 'nothing to undo')
    this.redoStack.push({ design: this.current, label: entry.label })
    return this.swapTo(entry.design)
  }

  redo(): Result<DesignState> {
    const entry = this.redoStack.pop()
    if (!entry) return fail('conflict', 'nothing to redo')
    this.undoStack.push({ design: this.current, label: entry.label })
    return this.swapTo(entry.design)
  }

  /**
   * Replaces the design by a raw document. Refuses (and changes nothing) when the document
   * has integrity problems: wrong shape, duplicate ids, dangling references.
   */
  load(raw: unknown, options: { filePath?: string; source?: string } = {}): Result<DesignState> {
    const { design, problems } = checkIntegrity(raw)
    if (!design) {
      const where = options.source ?? options.filePath ?? 'the document'
      return fail(
        'invalid-design',
        `${where} is not a valid design (${problems.length} problem${problems.length === 1 ? '' : 's'})`,
        problems,
      )
    }
    this.replace(design, options.filePath)
    return ok(this.state)
  }

  /**
   * Replaces the design by one already known to be sound and clears history. It counts as
   * saved at `filePath`, unless `unsaved` (a recovered autosave, an import): then it is dirty
   * until the next save.
   */
  replace(design: Design, filePath?: string, options: { unsaved?: boolean } = {}): void {
    this.current = design
    this.saved = options.unsaved ? undefined : design
    this.filePath = filePath
    this.undoStack.length = 0
    this.redoStack.length = 0
    this.emit(REPLACED)
  }

  /** Records that the current design is what is on disk at `filePath`. */
  markSaved(filePath?: string): void {
    this.saved = this.current
    if (filePath !== undefined) this.filePath = filePath
    this.emit({ ...REPLACED, replaced: false, metaChanged: false, simulationChanged: false })
  }

  private swapTo(design: Design): Result<DesignState> {
    const changes = diffDesigns(this.current, design)
    this.current = design
    this.emit(changes)
    return ok(this.state)
  }

  private emit(changes: DesignChanges): void {
    this.revision++
    const change: DesignChange = { state: this.state, changes, design: this.current }
    for (const listener of this.listeners) listener(change)
  }
}

/**
 * One line naming where an edit was refused and why: `command.patch.count: Too big: …`, and how
 * many more problems the details hold.
 */
function refusal(problems: readonly Problem[]): string {
  const first = problems[0]
  if (!first) return 'edit refused'
  const where = first.path ? `${first.path}: ` : ''
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''
  return `${where}${first.message}${more}`
}
