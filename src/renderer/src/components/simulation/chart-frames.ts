/**
 * Chart updates spread over frames (issue 19): handing ECharts a new option costs tens of
 * milliseconds per chart, so at a run's end seven charts in one Vue flush froze the window.
 * Each chart queues its update here; one update runs per animation frame, and only for a chart
 * on screen: a chart off screen keeps its update queued until it scrolls into view (its
 * component calls `schedule`). Drawing every chart at once, even one per idle period, still
 * cost a task of 50–150 ms per chart on an idle machine (several times that under load) for
 * charts nobody was looking at. An update runs in a task of its own just after the frame, not
 * inside it: the frame's callbacks (ECharts' deferred drawing of the previous chart, the
 * canvas) would otherwise add up with it into one long task.
 */

/** A queued chart update; `visible` is read when the next one is picked. */
interface Job {
  run: () => void
  visible: () => boolean
}

const jobs = new Set<Job>()
let frame: number | undefined

function next(): Job | undefined {
  for (const job of jobs) if (job.visible()) return job
  return undefined
}

function pump(): void {
  frame = undefined
  const job = next()
  if (!job) return // only charts off screen are left: they wait to come on screen
  jobs.delete(job)
  job.run()
  schedule()
}

/** Looks for work again (a chart came on screen, or an update was queued). */
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
