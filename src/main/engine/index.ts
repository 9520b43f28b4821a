/**
 * The Strata engine's one entry point. It never imports electron, the DOM or Node built-ins;
 * time, randomness and storage come in as ports. It runs the same in Electron's main process,
 * a worker thread, the CLI and tests.
 *
 * Named exports only (no `export *`): this list IS the engine's public surface. Code outside
 * `src/main/engine` (services, cli, web, ipc, workers, scripts) imports the engine from here
 * only; an ESLint rule (`eslint.config.js`, "engine facade wall") rejects deeper imports.
 * Tests may reach internals. To expose something new, add it here by name.
 *
 * Parts (each folder has a README): model/ (the design document, commands, validation),
 * virtualization/, scheduler/, simulation/, storage/ (storage as a shared service, reached by
 * the simulation), tenancy/, persistence/, reports/, experiments/, import/. The types the engine returns (results, explanations, views, design changes) are
 * domain types in `src/shared/domain`.
 */

// The design document: edit session, commands, parsing, validation.
export { DesignSession, type DesignChange } from './design-session'
export { applyCommand, commandLabel, type EditCommand } from './model/commands'
export { emptyDesign } from './model/defaults'
export { findEntity, freshId, indexOf } from './model/index-of'
export { issuesToProblems, parseDesign, parseEntity } from './model/parse'
export { checkDesignRules, checkIntegrity, hasErrors, validateDesign } from './model/validate'
export { simulationNameProblems, type SimulationNames } from './model/simulation-rules'
export { createRandom, seededRandom, type Random } from './random'

// Virtualization: per-kind defaults, overheads, guest acceptance.
export {
  GUEST_REASONS,
  KIND_DEFAULTS,
  acceptsGuest,
  effectiveVcpuMilli,
  memoryOverheadMiB,
  overheadsFor,
  type EffectiveOverheads,
  type GuestCheck,
  type KindDefaults,
  type LiveMigration,
} from './virtualization'

// Scheduler: placement with explanations, tenant-safe projections, synthetic designs.
export {
  DEFAULT_CPU_ALLOCATION_RATIO,
  DEFAULT_MEMORY_ALLOCATION_RATIO,
  FILTERS,
  PRESET_WEIGHTS,
  WEIGHER_NAMES,
  createScheduler,
  hostCapacity,
  minimumRacks,
  syntheticDatacenter,
  syntheticFit,
  TOR_PORTS,
  TOR_UPLINKS,
  tenantSafeExplanation,
  tenantSafeResult,
  type PlaceOutcome,
  type Scheduler,
  type SchedulerOptions,
  type SyntheticFit,
  type SyntheticOptions,
  type Weights,
} from './scheduler'

// Simulation: runs in slices or to the end, consolidation policies, demand traces.
export {
  DETECTORS,
  InvalidDesignError,
  SELECTORS,
  Simulation,
  parsePolicy,
  resolvePolicy,
  runProblems,
  simulate,
  type PolicySpec,
  type SimulationOptions,
  type SimulationStatus,
} from './simulation'
/** Work counters of the PABFD host search, read by the benchmarks (counts, not times). */
export { pabfdCounters } from './simulation/pabfd'
export { hostUpdateCounters, hostUpdates } from './simulation/datacenter'
export { importPlanetLab, parseTraceText, type TraceText } from './import/planetlab'
export { importCsvTraces, type CsvImport, type CsvRow } from './import/csv-traces'

// Network: max-min sharing of the fabric among flows during a run (issue 17).
export {
  allocateMaxMin,
  flowBound,
  flowBoundError,
  hasNetworkTraffic,
  MAX_TENANT_FLOWS,
  maxHostPairFlows,
  migrationDurationS,
  NetworkRun,
  TooManyFlowsError,
  type Allocation,
  type FlowSet,
} from './network'

// Nesting: the stack of abstractions under a host's instances (issue 18).
export {
  STACK_MACHINE_LIMIT,
  boundaryOf,
  hostBoundary,
  hostStackColumn,
  stackLookupsOf,
  hostStackView,
  type StackViewOptions,
} from './nesting/stack-view'

// Nesting: the room a VM leaves for what runs inside it, and what one inner instance takes.
export { innerDemand, innerLayerCosts, outerRoom } from './nesting/inner-layer'

// Tenancy: per-tenant projections and the boundary guard.
export {
  BILLING_MONTH_S,
  DEFAULT_INSTANCE_LIMIT,
  createTenantGuard,
  projectTenantView,
  type GuardOptions,
  type Leak,
  type ProjectionOptions,
  type ProjectionResult,
  type TenancyExplanationInput,
  type TenancyPlacement,
  type TenancySimulation,
  type TenantGuard,
} from './tenancy'

// Persistence: the file format, reading with located problems, migrations, interop.
export {
  DEFAULT_MAX_DEPTH,
  DEFAULT_MAX_FILE_BYTES,
  LAST_RUN_KEY,
  MIGRATIONS,
  NETBOX_COLUMNS,
  STRATA_FILE_SUFFIX,
  canonicalJson,
  decodeUtf8,
  designFingerprint,
  resultsFingerprint,
  detectVersion,
  exportNetboxCsv,
  exportOpenDcTopology,
  importNetboxCsv,
  importOpenDcTopology,
  lastRunShapeProblem,
  mergeCommands,
  MERGE_ORDER,
  lastRunValueProblem,
  migrateDocument,
  openIntoSession,
  parseJsonText,
  readStrataFile,
  scanJson,
  serializeStrataFile,
  type ExportResult,
  type ImportResult,
  type JsonSyntaxError,
  type JsonTextResult,
  type LastRun,
  type Migration,
  type OpenedFile,
  type ReadOptions,
  type ReadResult,
} from './persistence'
export { designJsonSchema } from './persistence/design-json-schema'
export { csvRecords, type CsvRecords } from './persistence/interop/netbox-csv'

// Reports: one model rendered as HTML, CSV (and PDF by main).
export {
  buildProviderReport,
  buildTenantReport,
  clock,
  durationText,
  fabricSections,
  formatCsvForPeople,
  renderReportHtml,
  reportCharts,
  reportCsvFiles,
  reportTables,
  spreadsheetSafeCell,
  topologySvg,
  zonesSvg,
  type ChartRenderer,
  type CsvFile,
  type HtmlOptions,
  type ProviderReportInput,
  type ReportChart,
  type ReportModel,
  type ReportSection,
  type ReportTable,
} from './reports'

// Experiments: plans of seeded runs and their records.
export {
  BASE_DESIGN,
  MAX_SEED,
  checkRunDesign,
  deriveSeed,
  planExperiment,
  planExperimentSteps,
  runEconomics,
  runRecord,
  runSeries,
  type ExperimentPlan,
  type PlanOutline,
  type PlanResult,
  type PlanStep,
  type PlannedRun,
  type RunRecord,
  type RunSeries,
} from './experiments'
