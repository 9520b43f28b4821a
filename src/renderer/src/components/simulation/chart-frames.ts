/**
 * Chart updates spread over frames (issue 19): handing ECharts a new option costs tens of
 * milliseconds per chart, so at a run's end seven charts in one Vue flush froze the window.
 * Each chart queues its update here; one update runs per animation frame, charts on screen
 * first, the others when the window is idle. An update runs in a task of its own just after
 * the frame, not inside it: the frame's callbacks (ECharts' deferred drawing of the previous
 * chart, the canvas) would otherwise add up with it into one long task.
 */

/** A queued chart update; `visible` is read when the next one is picked. */
interface Job {
  run: () => void
  visible: () => boolean
}

const jobs = new Set<Job>()
const whenIdle: (f: () => void) => number =
  typeof requestIdleCallback === 'function'
    ? (f) => requestIdleCallback(f)
    : (f) => setTimeout(f, 50) as unknown as number
let frame: number | undefined
let idle: number | undefined

function next(): Job | undefined {
  for (const job of jobs) if (job.visible()) return job
  return undefined
}

function pump(): void {
  frame = undefined
  const job = next()
  if (job) {
    jobs.delete(job)
    job.run()
  } else if (jobs.size > 0 && idle === undefined) {
    // only charts off screen are left: one when the window has nothing else to do
    idle = whenIdle(() => {
      idle = undefined
      const first = jobs.values().next().value
      if (first) {
        jobs.delete(first)
        first.run()
      }
      schedule()
    })
    return
  }
  schedule()
}

/** Looks for work again (a chart came on screen). */
export function schedule(): void {
  if (frame === undefined && jobs.size > 0) frame = requestAnimationFrame(() => setTimeout(pump, 0))
}

/** Queues `run` (a chart's update) for a frame of its own; returns its cancel. */
export function inOwnFrame(run: () => void, visible: () => boolean): () => void {
  const job: Job = { run, visible }
  jobs.add(job)
  schedule()
  return () => jobs.delete(job)
}
