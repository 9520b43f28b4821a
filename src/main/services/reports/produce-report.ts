/**
 * Making a report end to end: placement and simulation as the design's settings say (or
 * results already at hand), the provider's or one tenant's report model, then HTML with
 * ECharts SVG charts, PDF and CSV. Reports progress and stops between simulation slices
 * when cancelled. The web host makes it in a worker thread (`report-off-thread.ts`); on this
 * thread (the CLI) the simulation yields every `SLICE_BUDGET_MS`.
 */
import { performance } from 'node:perf_hooks'
import type { PlacementResult } from '../../../shared/contract/calls/scheduler'
import type { SimulationResult } from '../../../shared/contract/calls/simulation'
import type { Design } from '../../../shared/design/schema'
import type { Problem } from '../../../shared/domain/problem'
import {
  buildProviderReport,
  buildTenantReport,
  createScheduler,
  flowBoundError,
  hasErrors,
  lastRunShapeProblem,
  lastRunValueProblem,
  projectTenantView,
  renderReportHtml,
  reportCsvFiles,
  runProblems,
  validateDesign,
  type CsvFile,
  type ReportModel,
} from '../../engine'
import { openSimulation, SimulationDriver } from '../simulation/driver'
import { loadChartRenderer } from './chart-svg'
import { htmlToPdfWithChromium } from './pdf'

export interface ReportProgress {
  /** `queued`: waiting for a free report thread (see `ReportPool.run`). */
  stage: 'queued' | 'placement' | 'simulation' | 'report' | 'pdf' | 'done'
  /** Overall fraction done, 0..1. */
  fraction: number
}

export class ReportCancelled extends Error {
  constructor() {
    super('the report was cancelled')
    this.name = 'ReportCancelled'
  }
}

export class ReportTenantNotFound extends Error {}

/**
 * A report refused before placement, in the words `simulation:start` and `strata simulate`
 * refuse the same design with: its traffic can make more flows than a run allows (review s7a
 * #4; a tenant's report is made without run figures instead, the words name other tenants'
 * workloads), or its policy or placement weights are unknown (review s9a #3; a tenant hears
 * which setting, not its value).
 */
export class ReportRefused extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ReportRefused'
  }
}

/**
 * A design whose policy or placement weights name nothing the run knows is refused, as
 * `simulation:start` refuses it (review s9a #3: the report answered `internal`): the provider
 * hears the field and the validator's message; a tenant only that the provider's design
 * cannot be simulated and which setting is at fault, never the value.
 */
function refuseUnrunnableNames(errors: readonly Problem[], tenantId: string | undefined): void {
  const policy = errors.find((p) => p.path === 'simulation.policy')
  const weights = errors.find((p) => p.path.startsWith('simulation.placement.weights'))
  const found = policy ?? weights
  if (!found) return
  if (tenantId === undefined) throw new ReportRefused(`${found.path}: ${found.message}`)
  throw new ReportRefused(
    `the provider's design cannot be simulated: its ${policy ? 'policy is' : 'placement weights are'} not valid`,
  )
}

export interface ProduceReportOptions {
  design: Design
  /** Make this tenant's report (its projection only) instead of the provider's. */
  tenantId?: string
  placement?: PlacementResult
  simulation?: SimulationResult
  html?: boolean
  pdf?: boolean
  csv?: boolean
  onProgress?: (progress: ReportProgress) => void
  signal?: AbortSignal
  /** HTML -> PDF; it should stop (reject) when the signal it is given aborts. */
  makePdf?: (html: string, signal?: AbortSignal) => Promise<Uint8Array>
  generatedAt?: string
  generator?: string
}

export interface ReportOutputs {
  model: ReportModel
  placement?: PlacementResult
  simulation?: SimulationResult
  /** Why placement or simulation did not run, when they did not. */
  notes: string[]
  /**
   * A tenant report: the hosts its own instances use in the placement (else the run) it was
   * built on, the way the tenant projection places them; for the boundary guard.
   */
  ownHostIds?: string[]
  html?: string
  pdf?: Uint8Array
  csv?: CsvFile[]
}

const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve))

/** Longest stretch of simulation between two yields, in milliseconds (by time, not events). */
const SLICE_BUDGET_MS = 40

async function runSimulation(
  design: Design,
  options: ProduceReportOptions,
): Promise<SimulationResult> {
  const driver = new SimulationDriver(openSimulation(design))
  let sliceStart = performance.now()
  const result = await driver.runToEnd({
    // Small slices, and a yield once the budget is spent: a 5,000-host design's step is one
    // event of ~0.1 s, a small design's thousands of events take a millisecond.
    eventsPerSlice: 8,
    between: async (sim) => {
      if (performance.now() - sliceStart < SLICE_BUDGET_MS) return
      options.onProgress?.({ stage: 'simulation', fraction: 0.1 + 0.65 * sim.progress })
      await yieldToEvents()
      sliceStart = performance.now()
    },
    stop: () => options.signal?.aborted === true,
  })
  if (!result) throw new ReportCancelled()
  return result
}

/** Hosts of `tenantId`'s own instances: in the placement if any, else the run's last hosts. */
function ownHostsIn(
  design: Design,
  tenantId: string,
  placement: PlacementResult | undefined,
  simulation: SimulationResult | undefined,
): string[] {
  const own = new Set(design.workloads.filter((w) => w.tenantId === tenantId).map((w) => w.id))
  const isOwn = (instanceId: string): boolean =>
    own.has(instanceId.slice(0, instanceId.lastIndexOf('#')))
  const hosts = new Set<string>()
  if (placement) {
    for (const p of placement.placed) if (isOwn(p.instanceId)) hosts.add(p.hostId)
  } else
    for (const r of simulation?.instances ?? []) {
      const hostId = r.finalHostId ?? r.initialHostId
      if (hostId !== undefined && isOwn(r.instanceId)) hosts.add(hostId)
    }
  return [...hosts]
}

/**
 * The saved run the caller passed, if it can be true of `design` (its shape and values: the
 * same checks as a file's `lastRun` on open, review s7b #2); else none, so the report places
 * and simulates afresh, and (for the provider) a note says why.
 */
function savedRunFor(
  design: Design,
  options: ProduceReportOptions,
  notes: string[],
): { placement?: PlacementResult; simulation?: SimulationResult } {
  const { placement, simulation } = options
  if (!placement && !simulation) return {}
  const saved = { designFingerprint: '', placement, simulation }
  const problem = lastRunShapeProblem(saved) ?? lastRunValueProblem(saved, design)
  if (!problem) return { placement, simulation }
  if (options.tenantId === undefined)
    notes.push(
      `The saved run was not used (${problem.path}: ${problem.message}); the design was placed and simulated again.`,
    )
  return {}
}

/**
 * Produces the asked-for outputs. Throws `ReportCancelled`, `ReportTenantNotFound` or
 * `ReportRefused`.
 */
export async function produceReport(options: ProduceReportOptions): Promise<ReportOutputs> {
  const { design } = options
  const progress = (stage: ReportProgress['stage'], fraction: number) =>
    options.onProgress?.({ stage, fraction })
  /** Lets other calls (a cancel) run between stages, then stops if cancelled. */
  const check = async () => {
    await yieldToEvents()
    if (options.signal?.aborted) throw new ReportCancelled()
  }
  const notes: string[] = []
  const errors = validateDesign(design).filter((p) => p.severity === 'error')
  let { placement, simulation } = savedRunFor(design, options, notes)
  if (!placement || !simulation) refuseUnrunnableNames(errors, options.tenantId)
  // Refused as a run is, before placing (which alone took 6 s at 10,000 hosts).
  const tooManyFlows = simulation ? undefined : flowBoundError(design)
  // a design with nothing to run (no hosts) is reported as it stands, with the reason
  const unrunnable = placement && simulation ? undefined : runProblems(design)[0]
  if (hasErrors(errors) && (!placement || !simulation)) {
    notes.push(
      `The design has ${errors.length} error(s), so it was not placed or simulated; first: ${errors[0]?.path} ${errors[0]?.message}`,
    )
  } else if (unrunnable) {
    notes.push(`The design was not placed or simulated: ${unrunnable.message}.`)
  } else if (tooManyFlows) {
    if (options.tenantId === undefined) throw new ReportRefused(tooManyFlows.message)
    notes.push(`The design was not placed or simulated: ${tooManyFlows.message}`)
  } else {
    progress('placement', 0.02)
    placement ??= createScheduler(design).placeAll()
    await check()
    progress('simulation', 0.1)
    simulation ??= await runSimulation(design, options)
  }
  await check()
  progress('report', 0.8)
  let model: ReportModel
  let ownHostIds: string[] | undefined
  if (options.tenantId !== undefined) {
    const projected = projectTenantView(design, options.tenantId, {
      placement,
      simulation: simulation ? { result: simulation } : undefined,
    })
    if (!projected.ok)
      throw new ReportTenantNotFound(`no tenant "${options.tenantId}" in this design`)
    model = buildTenantReport(projected.view)
    ownHostIds = ownHostsIn(design, options.tenantId, placement, simulation)
  } else model = buildProviderReport({ design, placement, simulation, notes })
  const out: ReportOutputs = { model, notes }
  if (ownHostIds) out.ownHostIds = ownHostIds
  if (options.tenantId === undefined) {
    out.placement = placement
    out.simulation = simulation
  }
  if (options.html || options.pdf)
    out.html = renderReportHtml(model, {
      renderChart: await loadChartRenderer(),
      generatedAt: options.generatedAt,
      generator: options.generator,
    })
  await check()
  if (options.pdf && out.html) {
    progress('pdf', 0.88)
    const make = options.makePdf ?? htmlToPdfWithChromium
    out.pdf = await make(out.html, options.signal).catch((error: unknown) => {
      throw options.signal?.aborted ? new ReportCancelled() : error
    })
  }
  if (options.csv) out.csv = reportCsvFiles(model)
  progress('done', 1)
  return out
}
