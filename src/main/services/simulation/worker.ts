/**
 * The simulation worker thread (bundled as out/main/simulation-worker.js): receives one
 * `start` message, runs the simulation in slices and answers pause / resume / cancel.
 */
import { parentPort } from 'node:worker_threads'
import type { FromWorker, ToWorker } from './protocol'
import { runInSlices, type SliceRunner } from './slices'

const port = parentPort
if (!port) throw new Error('the simulation worker must run in a worker thread')
let runner: SliceRunner | undefined
port.on('message', (message: ToWorker) => {
  if (message.type === 'start')
    runner = runInSlices(message, (m: FromWorker) => port.postMessage(m))
  else if (message.type === 'pause') runner?.pause()
  else if (message.type === 'resume') runner?.resume()
  else if (message.type === 'cancel') runner?.cancel()
})
