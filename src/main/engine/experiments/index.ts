/** Public API of experiments (see README.md): paths into designs, plans, run records. */
export { applyDesignPath, parseDesignPath, type PathStep, type ParsedPath } from './design-path'
export {
  planExperiment,
  planExperimentSteps,
  BASE_DESIGN,
  type ExperimentPlan,
  type PlanOutline,
  type PlanStep,
  type PlannedRun,
  type PlanResult,
} from './plan'
export { checkRunDesign } from './runnable-design'
export { deriveSeed, MAX_SEED } from './seeds'
export {
  runEconomics,
  runRecord,
  type RunEconomics,
  type RunRecord,
  type RunTenant,
} from './run-record'
export { runSeries, type RunSeries } from './run-series'
