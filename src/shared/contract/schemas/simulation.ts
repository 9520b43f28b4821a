/** Request schemas of the `simulation:` calls (main only at run time). Discrete-event simulation runs (issue 4): start, pause, resume, cancel, read; progress and results pushed as events. */
// import { z } from 'zod'

export const simulationRequests = {} as const
