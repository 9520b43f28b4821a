/**
 * A Chromium trace of one canvas bench phase, reduced to the page's main-thread tasks: each
 * top-level task's wall time and its thread (CPU) time. On a loaded machine a task's wall time
 * counts the time the thread waited for a core; its CPU time does not, so it says what the code
 * costs (issue 19: no task over 100 ms). Used by the canvas bench when
 * `STRATA_BENCH_CANVAS_TASKS=<dir>` is set; the whole trace is written to
 * `<dir>/<name>.trace.json` (open it in Chromium's DevTools Performance panel or Perfetto).
 */
import type { Browser, Page } from 'playwright-core'
import { tracedEvents, type TraceEvent } from './canvas-trace'

/** The page's main-thread tasks during a phase, ms. */
export interface TaskFigures {
  /** Top-level tasks on the renderer's main thread. */
  tasks: number
  /** The longest task's wall time and its CPU time. */
  longestWallMs: number
  longestWallCpuMs: number
  /** The task with the most CPU time: its CPU and its wall time. */
  longestCpuMs: number
  longestCpuWallMs: number
  /** Tasks with more than 50 ms of CPU time. */
  over50CpuMs: number
  /** Summed CPU time of every task. */
  cpuTotalMs: number
}

const CATEGORIES = ['toplevel', 'devtools.timeline']
/** Names Chromium gives a top-level task on a thread (the scheduler's). */
const TASK_NAMES = new Set(['ThreadControllerImpl::RunTask', 'RunTask'])

/**
 * Figures of the top-level tasks of the renderer main thread (`CrRendererMain`) that ran the
 * most of them; a task nested in another (a message loop inside a task) is not counted twice.
 */
export function taskFigures(events: readonly TraceEvent[]): TaskFigures {
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  )
  const byThread = new Map<string, TraceEvent[]>()
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`
    if (e.ph !== 'X' || !TASK_NAMES.has(e.name) || !mains.has(key)) continue
    byThread.set(key, [...(byThread.get(key) ?? []), e])
  }
  const busiest = [...byThread.values()].sort((a, b) => b.length - a.length)[0] ?? []
  busiest.sort((a, b) => a.ts - b.ts)
  const top: TraceEvent[] = []
  let end = -Infinity
  for (const e of busiest) {
    if (e.ts < end) continue // nested in the previous top-level task
    top.push(e)
    end = e.ts + (e.dur ?? 0)
  }
  const ms = (us: number | undefined): number => Math.round((us ?? 0) / 100) / 10
  const byWall = [...top].sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0]
  const byCpu = [...top].sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0))[0]
  return {
    tasks: top.length,
    longestWallMs: ms(byWall?.dur),
    longestWallCpuMs: ms(byWall?.tdur),
    longestCpuMs: ms(byCpu?.tdur),
    longestCpuWallMs: ms(byCpu?.dur),
    over50CpuMs: top.filter((e) => (e.tdur ?? 0) > 50_000).length,
    cpuTotalMs: Math.round(top.reduce((n, e) => n + (e.tdur ?? 0), 0) / 1000),
  }
}

/** Traces `action` on `page`, writes `<dir>/<name>.trace.json` and returns its task figures. */
export async function traceTasks(
  browser: Browser,
  page: Page,
  dir: string,
  name: string,
  action: () => Promise<void>,
): Promise<TaskFigures> {
  return taskFigures(await tracedEvents(browser, page, CATEGORIES, { dir, name }, action))
}
