/**
 * The simulation worker thread (bundled as out/main/simulation-worker.js): receives one
 * `start` message, runs the simulation in slices and answers pause / resume / step / cancel.
 */
import { parentPort } from 'node:worker_threads'
import type { FromWorker, ToWorker } from './protocol'
import { control, runInSlices, type SliceRunner } from './slices'
import { packedBuffers } from './host-series-store'

const port = parentPort
if (!port) throw new Error('the simulation worker must run in a worker thread')
let runner: SliceRunner | undefined
port.on('message', (message: ToWorker) => {
  if (message.type === 'start')
    runner = runInSlices(message, (m: FromWorker) =>
      // packed per-host series move to main without a copy
      port.postMessage(m, m.type === 'done' && m.hostSeries ? packedBuffers(m.hostSeries) : []),
    )
  else if (runner) control(runner, message)
})
