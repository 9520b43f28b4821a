/**
 * A Chromium trace of one canvas bench phase, reduced to what a pan costs the compositor: the
 * `Commit` events (the main thread hands its layers, incl. every software canvas redrawn since
 * the last frame, to the compositor) and the frames drawn. Used by the canvas bench when
 * `STRATA_BENCH_CANVAS_TRACE=<dir>` is set; the whole trace is written to
 * `<dir>/<name>.trace.json` (open it in Chromium's DevTools Performance panel or Perfetto).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'

/** One trace event (the subset read here); times in microseconds. */
export interface TraceEvent {
  name: string
  ph: string
  dur?: number
  /** Thread (CPU) time, microseconds. */
  tdur?: number
  ts: number
  pid: number
  tid: number
  args?: { name?: string }
}

/** What the compositor's Commits cost during a phase (ms) and how many frames it drew. */
export interface CommitFigures {
  /** Commit events in the phase. */
  commits: number
  /** Their summed duration, ms. */
  commitTotalMs: number
  /** The longest one, ms. */
  commitMaxMs: number
  /** Summed duration per commit, ms. */
  commitMeanMs: number
  /** Their summed thread (CPU) time, ms: less sensitive to the machine's load than `commitTotalMs`. */
  commitCpuMs: number
  /** Frames the compositor drew (`DrawFrame`). */
  frames: number
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'cc',
]

/** Sums the complete (`X`) `Commit` events of a trace and counts its `DrawFrame`s. */
export function commitFigures(events: readonly TraceEvent[]): CommitFigures {
  const commits = events.filter((e) => e.name === 'Commit' && e.ph === 'X' && e.dur !== undefined)
  const ms = commits.map((e) => (e.dur ?? 0) / 1000)
  const total = ms.reduce((a, b) => a + b, 0)
  const r = (n: number): number => Math.round(n * 10) / 10
  return {
    commits: commits.length,
    commitTotalMs: r(total),
    commitMaxMs: r(Math.max(0, ...ms)),
    commitMeanMs: r(commits.length ? total / commits.length : 0),
    commitCpuMs: r(commits.reduce((a, e) => a + (e.tdur ?? 0), 0) / 1000),
    frames: events.filter((e) => e.name === 'DrawFrame').length,
  }
}

/**
 * Traces `action` on `page` with Chromium's trace `categories` (all its frames, not only the
 * page's), writes the trace to `<dir>/<name>.trace.json` and returns its events.
 */
export async function tracedEvents(
  browser: Browser,
  page: Page,
  categories: readonly string[],
  where: { dir: string; name: string },
  action: () => Promise<void>,
): Promise<TraceEvent[]> {
  await browser.startTracing(page, { categories: [...categories] })
  try {
    await action()
  } catch (error) {
    await browser.stopTracing()
    throw error
  }
  const buffer = await browser.stopTracing()
  mkdirSync(where.dir, { recursive: true })
  writeFileSync(join(where.dir, `${where.name}.trace.json`), buffer)
  const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents?: TraceEvent[] }
  return parsed.traceEvents ?? []
}

/** Traces `action` (see `tracedEvents`) and returns the compositor's Commit figures. */
export async function traceCommits(
  browser: Browser,
  page: Page,
  dir: string,
  name: string,
  action: () => Promise<void>,
): Promise<CommitFigures> {
  return commitFigures(await tracedEvents(browser, page, CATEGORIES, { dir, name }, action))
}
