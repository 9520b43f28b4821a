/**
 * What the coordinator and the queue workers share through Redis: one BullMQ queue of runs,
 * design parts stored once by content digest, and the workers' registrations (for the
 * version check). Both sides must run the same Strata version and Node major version.
 */
import type { FactorValue } from '../../../../shared/experiment/spec'

/** The BullMQ queue every coordinator and worker uses. */
export const QUEUE_NAME = 'strata-runs'
/** Key prefix of everything else Strata keeps in Redis. */
export const KEY_PREFIX = 'strata'
/** Design parts live this long (seconds) after the last coordinator stored them. */
export const PART_TTL_S = 7 * 86_400
/** A worker's registration expires this long (seconds) after its last heartbeat. */
export const WORKER_TTL_S = 15

export const partKey = (digest: string): string => `${KEY_PREFIX}:part:${digest}`
export const workerKey = (name: string): string => `${KEY_PREFIX}:worker:${name}`

/** Who runs: compared on both sides. */
export interface Runtime {
  strataVersion: string
  nodeMajor: number
}

/** This process's runtime. */
export function localRuntime(strataVersion: string): Runtime {
  return { strataVersion, nodeMajor: Number(process.versions.node.split('.')[0]) }
}

/** A clear message when two runtimes differ, else undefined. */
export function runtimeMismatch(
  coordinator: Runtime,
  worker: Runtime,
  workerName: string,
): string | undefined {
  if (
    coordinator.strataVersion === worker.strataVersion &&
    coordinator.nodeMajor === worker.nodeMajor
  )
    return undefined
  return (
    `version mismatch: the coordinator runs Strata ${coordinator.strataVersion} on Node ${coordinator.nodeMajor}, ` +
    `worker ${workerName} runs Strata ${worker.strataVersion} on Node ${worker.nodeMajor}; ` +
    'run the same Strata version and Node major version everywhere'
  )
}

/** A job: one run, its design as part digests (fetched from `partKey(digest)`). */
export interface RunJobData {
  runtime: Runtime
  id: string
  index: number
  designName: string
  factors: Record<string, FactorValue>
  repetition: number
  seed: number
  /** Top-level design key -> digest of its canonical JSON. */
  parts: Record<string, string>
}

/** A worker's registration, refreshed every few seconds. */
export interface WorkerInfo extends Runtime {
  name: string
  host: string
  pid: number
  concurrency: number
}
