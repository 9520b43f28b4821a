export * from './enums'
export type * from './schema'
export type { FailureEvent, SimulationSettings } from './simulation-settings'
