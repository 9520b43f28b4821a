/** Public API of the simulation (see README.md). */
export {
  InvalidDesignError,
  Simulation,
  simulate,
  type SimulationOptions,
  type SimulationStatus,
} from './simulation'
export { runProblems } from './run-checks'
export { parsePolicy, resolvePolicy, DETECTORS, SELECTORS, type PolicySpec } from './policy'
export { createRandom, type Random } from './random'
export { importPlanetLab, parseTraceText, type TraceText } from '../import/planetlab'
export { importCsvTraces, type CsvImport } from '../import/csv-traces'
