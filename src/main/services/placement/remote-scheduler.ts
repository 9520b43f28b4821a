/**
 * A scheduler held in a worker thread (`scheduler-holder.ts` on the other side): it explains
 * a placement that main's thread only has as a result (one a simulation run placed and
 * reported), without placing on main's thread (review s7b #3). One thread per published
 * placement, started on the first explanation asked and ended when that placement is
 * replaced or forgotten.
 */
import { Worker } from 'node:worker_threads'
import type { Explanation } from '../../../shared/domain/placement'
import type { Design } from '../../../shared/design/schema'
import { simulationWorkerEntry } from '../simulation/worker-path'
import type { FromHolder, ToHolder } from './scheduler-holder'

type Pending = {
  resolve: (explanation: Explanation | undefined) => void
  reject: (error: Error) => void
}

/** Explains instances of `design` placed with `seed`, in a worker thread. */
export class RemoteScheduler {
  private readonly pending = new Map<number, Pending>()
  private counter = 0
  private failure: string | undefined

  private constructor(private readonly worker: Worker) {
    worker.unref()
    worker.on('message', (m: FromHolder) => {
      if (m.type === 'error') this.fail(m.message)
      else {
        const waiting = this.pending.get(m.id)
        this.pending.delete(m.id)
        waiting?.resolve(m.explanation)
      }
    })
    worker.on('error', (error) => this.fail(error.message))
    worker.on('exit', () => this.fail('the placement thread ended'))
  }

  /** A holder of `design` placed with `seed`; `undefined` when no worker entry is available. */
  static start(design: Design, seed: number): RemoteScheduler | undefined {
    const entry = simulationWorkerEntry()
    if (!entry) return undefined
    const worker = new Worker(entry.target)
    const hold: ToHolder = { type: 'hold', design, seed }
    worker.postMessage(hold)
    return new RemoteScheduler(worker)
  }

  /** Why `instanceId` is where it is (tenant-safe with `tenantId`); `undefined` for no such instance. */
  explain(instanceId: string, tenantId?: string): Promise<Explanation | undefined> {
    if (this.failure !== undefined) return Promise.reject(new Error(this.failure))
    const id = ++this.counter
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      const message: ToHolder = {
        type: 'explain',
        id,
        instanceId,
        ...(tenantId !== undefined ? { tenantId } : {}),
      }
      this.worker.postMessage(message)
    })
  }

  /** Ends the thread; explanations still waiting are refused. */
  dispose(): void {
    this.fail('the placement was replaced')
    void this.worker.terminate()
  }

  private fail(message: string): void {
    this.failure ??= message
    for (const waiting of this.pending.values()) waiting.reject(new Error(this.failure))
    this.pending.clear()
  }
}
