/** Handlers of the `reports:` calls: export a report (provider or one tenant) with progress and cancel. */
import { fail, ok } from '../../../shared/contract'
import type { PlacementResult } from '../../../shared/contract/calls/scheduler'
import type { SimulationResult } from '../../../shared/contract/calls/simulation'
import type { AppContext } from '../context'
import { fileNameFor, filesServices } from '../files'
import type { HandlerMap } from '../handler-types'
import { SAVED_HOST_SERIES_BUDGET } from '../simulation/runs'
import { zipCsvFiles } from '../reports/csv-zip'
import { pdfMaker } from '../reports/pdf'
import { ReportCancelled, ReportRefused, ReportTenantNotFound } from '../reports/produce-report'
import {
  produceReportOffThread,
  ReportQueueFull,
  ReportWorkerError,
} from '../reports/report-off-thread'

type ReportsCall = 'reports:export' | 'reports:cancel'

/**
 * A tenant's notes say what is missing from its report without quoting the design: a
 * validation message names other tenants' workloads, networks and hosts.
 */
const TENANT_NOT_RUN_NOTE =
  'The datacenter could not be placed or simulated at this time, so this report has no run figures.'

/** `result` as a design file keeps it: its per-host series only within SAVED_HOST_SERIES_BUDGET. */
function withinSavedBudget(result: SimulationResult): SimulationResult {
  const hostSamples = result.series.hosts.length * result.series.timesS.length
  if (hostSamples <= SAVED_HOST_SERIES_BUDGET) return result
  return { ...result, series: { ...result.series, hosts: [] } }
}

export function reportsHandlers(ctx: AppContext): HandlerMap<ReportsCall> {
  const jobs = ctx.reportJobs
  // Nobody left to receive a job's file (its caller's last socket closed, its link revoked):
  // the job is cancelled, its pool thread terminated (review s6 #1). Disposed services leave
  // no job running; the process's pool itself ends with the process (`destroyReportPool`).
  ctx.disposers.push(ctx.hub.onCallerGone((caller) => jobs.cancelAllOf(caller)))
  ctx.disposers.push(() => void jobs.cancelAll())
  return {
    'reports:export': async (req, call) => {
      const session = call.session
      if (
        session.role === 'tenant' &&
        req.tenantId !== undefined &&
        req.tenantId !== session.tenantId
      )
        return fail('forbidden', 'a tenant view can only export its own report')
      const tenantId = session.role === 'tenant' ? session.tenantId : req.tenantId
      const started = jobs.start({ session, caller: call.caller })
      if (!started.ok) return fail('unavailable', started.message)
      const { jobId } = started
      const design = ctx.design.design
      const files = filesServices(ctx).files
      const saved = files.currentLastRun()
      // The run's whole result: the per-host series its run keeps in main put back (review
      // s10u A1: the report, CSV and PDF had a time column and no host).
      const simulation = saved?.simulation
        ? ctx.runs.fullResultOf(saved.simulation as unknown as SimulationResult).result
        : undefined
      const generatedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z')
      try {
        const out = await produceReportOffThread({
          design,
          tenantId,
          placement: saved?.placement as PlacementResult | undefined,
          simulation,
          html: req.format === 'html' || req.format === 'pdf',
          pdf: req.format === 'pdf',
          csv: req.format === 'csv',
          signal: started.signal,
          makePdf: pdfMaker(ctx.shell),
          generatedAt,
          generator: `Strata ${ctx.version}`,
          onProgress: (p) => {
            // To the caller that started the job only: not to another link of its tenant,
            // nor to the provider for a tenant's job (nor the reverse).
            ctx.hub.publishToCaller(call.caller, 'reports:progress', { jobId, ...p })
          },
        })
        // Results computed for the open design travel with it on the next save.
        if (!saved && out.placement && out.simulation && ctx.design.design === design)
          files.setLastRun({
            placement: out.placement as unknown as Record<string, unknown>,
            simulation: withinSavedBudget(out.simulation) as unknown as Record<string, unknown>,
          })
        // The report shows where the tenant's instances run in its own placement.
        if (out.ownHostIds) call.answerHosts?.(out.ownHostIds)
        // A tenant's file is named from its own report (its tenant's name) only.
        const stem = fileNameFor(tenantId ? `${out.model.title} report` : design.meta.name, '')
        const notes =
          tenantId === undefined ? out.notes : out.notes.length > 0 ? [TENANT_NOT_RUN_NOTE] : []
        if (req.format === 'csv')
          return ok({
            format: 'csv',
            fileName: `${stem}-csv.zip`,
            mimeType: 'application/zip',
            encoding: 'base64',
            contents: Buffer.from(zipCsvFiles(out.csv ?? [], `${stem}-csv`, generatedAt)).toString(
              'base64',
            ),
            notes,
          })
        if (req.format === 'pdf')
          return ok({
            format: 'pdf',
            fileName: `${stem}.pdf`,
            mimeType: 'application/pdf',
            encoding: 'base64',
            contents: Buffer.from(out.pdf ?? []).toString('base64'),
            notes,
          })
        return ok({
          format: 'html',
          fileName: `${stem}.html`,
          mimeType: 'text/html',
          encoding: 'utf8',
          contents: out.html ?? '',
          notes,
        })
      } catch (error) {
        if (error instanceof ReportCancelled) return fail('cancelled', error.message)
        if (error instanceof ReportTenantNotFound) return fail('not-found', error.message)
        // Refused as simulation:start refuses the same design, in its words and code.
        if (error instanceof ReportRefused) return fail('bad-request', error.message)
        if (error instanceof ReportQueueFull || error instanceof ReportWorkerError)
          return fail('unavailable', error.message)
        throw error
      } finally {
        jobs.finish(jobId)
      }
    },
    'reports:cancel': (req, call) => ok({ cancelled: jobs.cancel(req.jobId, call.caller) }),
  }
}
