/**
 * The simulation worker thread (bundled as out/main/simulation-worker.js): receives one
 * `start` message, runs the simulation in slices and answers pause / resume / step / cancel.
 * Given a `hold` message instead, it holds a placement's scheduler and answers explanations
 * (`../placement/scheduler-holder.ts`).
 */
import { parentPort } from 'node:worker_threads'
import type { FromWorker, ToWorker } from './protocol'
import { control, runInSlices, type SliceRunner } from './slices'
import { packedBuffers } from './host-series-store'
import { holdScheduler, type FromHolder, type ToHolder } from '../placement/scheduler-holder'

const port = parentPort
if (!port) throw new Error('the simulation worker must run in a worker thread')
let runner: SliceRunner | undefined
let holder: ((message: ToHolder) => void) | undefined
port.on('message', (message: ToWorker | ToHolder) => {
  if (message.type === 'hold')
    holder = holdScheduler(message, (m: FromHolder) => port.postMessage(m))
  else if (message.type === 'explain') holder?.(message)
  else if (message.type === 'start')
    runner = runInSlices(message, (m: FromWorker) =>
      // packed per-host series move to main without a copy
      port.postMessage(m, m.type === 'done' && m.hostSeries ? packedBuffers(m.hostSeries) : []),
    )
  else if (runner) control(runner, message)
})
