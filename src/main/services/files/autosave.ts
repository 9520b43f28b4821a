/**
 * Autosave: while the open design has unsaved changes, a copy is written to the data
 * folder every minute. A clean state (saved, or reverted to what is on disk) removes it. A
 * copy left by a run that is gone (a crash, a kill) is offered for recovery on the next
 * start. A run is known to be gone when its process is, or when it stopped renewing its
 * heartbeat (written at every tick while it holds an autosave): a recorded PID that another
 * process reused no longer hides the copy. Copies belong to the checkout (or installed app)
 * that wrote them: two clones sharing one data folder (`~/.config/strata` outside Electron)
 * never offer each other's work (review s6u #13), and a copy that names no checkout (written
 * before this rule) is not offered either. The timer, clock, liveness check and checkout are
 * injectable for tests.
 */
import { mkdir, readFile, readdir, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import {
  readStrataFile,
  serializeStrataFile,
  type DesignSession,
  type ReadResult,
} from '../../engine'
import type { RecoveryEntry } from '../../../shared/contract'
import { findAppRoot } from '../paths'
import { writeFileAtomic } from './atomic-write'

/** Schedules `fn` every `ms`; returns the cancel function. */
export type EveryFn = (ms: number, fn: () => void) => () => void

export const nodeEvery: EveryFn = (ms, fn) => {
  const handle = setInterval(fn, ms)
  handle.unref()
  return () => clearInterval(handle)
}

export type { RecoveryEntry }

interface Meta {
  pid: number
  designName: string
  filePath?: string
  savedAt: string
  /** Renewed at every tick by the run that owns the autosave; ISO 8601. */
  heartbeatAt?: string
  /** The folder of the Strata checkout (or installed app) that wrote it. */
  checkout?: string
}

/** A run whose heartbeat is older than this many intervals is taken as gone. */
const STALE_INTERVALS = 3

export interface AutosaverOptions {
  session: DesignSession
  dataDir: string
  intervalMs?: number
  every?: EveryFn
  now?: () => Date
  pid?: number
  isAlive?: (pid: number) => boolean
  /** The folder of this Strata checkout or app (default: the one holding its package.json). */
  checkout?: string
  /** Told about each autosave attempt (for the `files:autosave` event). */
  onAutosave?: (outcome: { ok: boolean; savedAt: string; message?: string }) => void
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

const ID = /^[0-9]+-[0-9]+$/

export class Autosaver {
  readonly folder: string
  readonly id: string
  /** Only autosaves written by this checkout are offered (see the module doc). */
  readonly checkout: string
  private readonly pid: number
  private cancel: (() => void) | undefined
  private savedRevision = -1
  private unsubscribe: (() => void) | undefined

  constructor(private readonly options: AutosaverOptions) {
    this.folder = join(options.dataDir, 'autosave')
    this.pid = options.pid ?? process.pid
    this.checkout = options.checkout ?? findAppRoot()
    this.id = `${this.pid}-${(options.now ?? (() => new Date()))().getTime()}`
  }

  private now(): Date {
    return (this.options.now ?? (() => new Date()))()
  }

  private paths(id: string): { design: string; meta: string } {
    return {
      design: join(this.folder, `${id}.strata.json`),
      meta: join(this.folder, `${id}.meta.json`),
    }
  }

  start(): void {
    if (this.cancel) return
    const every = this.options.every ?? nodeEvery
    this.cancel = every(this.options.intervalMs ?? 60_000, () => void this.tick())
    this.unsubscribe = this.options.session.onChange((change) => {
      if (!change.state.dirty) void this.clear()
    })
  }

  stop(): void {
    this.cancel?.()
    this.unsubscribe?.()
    this.cancel = undefined
    this.unsubscribe = undefined
  }

  /** Writes the autosave if the design is dirty and changed since the last one. */
  async tick(): Promise<void> {
    const { session } = this.options
    const state = session.state
    if (state.dirty && state.revision === this.savedRevision && this.lastMeta) {
      await this.renewHeartbeat(this.lastMeta)
      return
    }
    if (!state.dirty || state.revision === this.savedRevision) return
    const savedAt = this.now().toISOString()
    const meta: Meta = {
      pid: this.pid,
      designName: session.design.meta.name,
      savedAt,
      heartbeatAt: savedAt,
      checkout: this.checkout,
    }
    if (state.filePath) meta.filePath = state.filePath
    const { design, meta: metaPath } = this.paths(this.id)
    try {
      await mkdir(this.folder, { recursive: true })
      await writeFileAtomic(design, serializeStrataFile(session.design), { backup: false })
      await writeFileAtomic(metaPath, JSON.stringify(meta, null, 2) + '\n', { backup: false })
      this.savedRevision = state.revision
      this.lastMeta = meta
      // Saved meanwhile: this copy is no longer needed (and must not be offered for recovery).
      if (!session.state.dirty) await this.clear()
      this.options.onAutosave?.({ ok: true, savedAt })
    } catch (error) {
      this.options.onAutosave?.({
        ok: false,
        savedAt,
        message: `autosave failed: ${(error as Error).message}`,
      })
    }
  }

  private lastMeta: Meta | undefined

  /** Tells other runs this one is still alive and owns its autosave. */
  private async renewHeartbeat(meta: Meta): Promise<void> {
    const renewed = { ...meta, heartbeatAt: this.now().toISOString() }
    await writeFileAtomic(this.paths(this.id).meta, JSON.stringify(renewed, null, 2) + '\n', {
      backup: false,
    }).catch(() => undefined)
    this.lastMeta = renewed
  }

  /** Whether the run that wrote `meta` still runs: its process lives and its heartbeat is fresh. */
  private ownerAlive(meta: Meta): boolean {
    const isAlive = this.options.isAlive ?? processAlive
    if (meta.pid === this.pid || !isAlive(meta.pid)) return false
    const beat = Date.parse(String(meta.heartbeatAt ?? meta.savedAt))
    const staleMs = STALE_INTERVALS * (this.options.intervalMs ?? 60_000)
    return Number.isFinite(beat) && this.now().getTime() - beat < staleMs
  }

  /** Removes this process's autosave (the design is clean). */
  async clear(): Promise<void> {
    await this.discard(this.id)
    this.savedRevision = -1
    this.lastMeta = undefined
  }

  /** Autosaves this checkout's processes left and that no longer run, newest first. */
  async list(): Promise<RecoveryEntry[]> {
    const names = await readdir(this.folder).catch(() => [] as string[])
    const entries: RecoveryEntry[] = []
    for (const name of names) {
      if (!name.endsWith('.meta.json')) continue
      const id = name.slice(0, -'.meta.json'.length)
      if (!ID.test(id) || id === this.id) continue
      try {
        const meta = JSON.parse(await readFile(this.paths(id).meta, 'utf8')) as Meta
        if (meta.checkout !== this.checkout || this.ownerAlive(meta)) continue
        const size = (await stat(this.paths(id).design)).size
        const entry: RecoveryEntry = {
          id,
          designName: String(meta.designName),
          savedAt: String(meta.savedAt),
          sizeBytes: size,
        }
        if (typeof meta.filePath === 'string') entry.filePath = meta.filePath
        entries.push(entry)
      } catch {
        /* half-written or foreign: not offered */
      }
    }
    return entries.sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0))
  }

  /** Reads a recoverable autosave; `undefined` if there is no such entry. */
  async read(id: string): Promise<(ReadResult & { filePath?: string }) | undefined> {
    const entry = (await this.list()).find((e) => e.id === id)
    if (!entry) return undefined
    const bytes = await readFile(this.paths(id).design)
    const result = readStrataFile(bytes, { source: `the autosave of "${entry.designName}"` })
    return entry.filePath ? { ...result, filePath: entry.filePath } : result
  }

  async discard(id: string): Promise<void> {
    if (!ID.test(id)) return
    const { design, meta } = this.paths(id)
    await unlink(meta).catch(() => undefined)
    await unlink(design).catch(() => undefined)
  }
}
