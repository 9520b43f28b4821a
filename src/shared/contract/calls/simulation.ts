/** Discrete-event simulation runs (issue 4): start, pause, resume, cancel, read; progress and results pushed as events. */
import type { z } from 'zod'
import type { CallAccess } from '../session'
import type { simulationRequests } from '../schemas/simulation'

export const simulationCalls = {} as const satisfies Record<
  keyof typeof simulationRequests,
  CallAccess
>

export type SimulationRequests = {
  [K in keyof typeof simulationRequests]: z.input<(typeof simulationRequests)[K]>
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SimulationResponses {}

/** Events this domain pushes, with their payloads. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SimulationEvents {}
export const simulationEventNames = [] as const satisfies ReadonlyArray<keyof SimulationEvents>
