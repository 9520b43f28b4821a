/** Handlers of the `reports:` calls: export a report (provider or one tenant) with progress and cancel. */
import { fail, ok, type SessionInfo } from '../../../shared/contract'
import type { PlacementResult } from '../../../shared/contract/calls/scheduler'
import type { SimulationResult } from '../../../shared/contract/calls/simulation'
import type { AppContext } from '../context'
import { fileNameFor, filesServices } from '../files'
import type { HandlerMap } from '../handler-types'
import { zipCsvFiles } from '../reports/csv-zip'
import { pdfMaker } from '../reports/pdf'
import { ReportCancelled, ReportTenantNotFound, produceReport } from '../reports/produce-report'

type ReportsCall = 'reports:export' | 'reports:cancel'

interface Job {
  controller: AbortController
  owner: SessionInfo
}

const sameSession = (a: SessionInfo, b: SessionInfo) =>
  a.role === b.role && (a.role === 'provider' || (b.role === 'tenant' && a.tenantId === b.tenantId))

export function reportsHandlers(ctx: AppContext): HandlerMap<ReportsCall> {
  const jobs = new Map<string, Job>()
  let counter = 0
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
      const jobId = req.jobId ?? `report-${++counter}`
      if (jobs.has(jobId)) return fail('conflict', `a report job "${jobId}" is already running`)
      const job: Job = { controller: new AbortController(), owner: session }
      jobs.set(jobId, job)
      const design = ctx.design.design
      const files = filesServices(ctx).files
      const saved = files.currentLastRun()
      const generatedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z')
      try {
        const out = await produceReport({
          design,
          tenantId,
          placement: saved?.placement as PlacementResult | undefined,
          simulation: saved?.simulation as SimulationResult | undefined,
          html: req.format === 'html' || req.format === 'pdf',
          pdf: req.format === 'pdf',
          csv: req.format === 'csv',
          signal: job.controller.signal,
          makePdf: pdfMaker(ctx.shell),
          generatedAt,
          generator: `Strata ${ctx.version}`,
          onProgress: (p) => {
            const payload = { jobId, ...p }
            ctx.hub.publish('reports:progress', payload, (t) =>
              t === tenantId && session.role === 'tenant' ? payload : undefined,
            )
          },
        })
        // Results computed for the open design travel with it on the next save.
        if (!saved && out.placement && out.simulation && ctx.design.design === design)
          files.setLastRun({
            placement: out.placement as unknown as Record<string, unknown>,
            simulation: out.simulation as unknown as Record<string, unknown>,
          })
        const stem = fileNameFor(
          tenantId ? `${design.meta.name} ${out.model.title}` : design.meta.name,
          '',
        )
        if (req.format === 'csv')
          return ok({
            format: 'csv',
            fileName: `${stem}-csv.zip`,
            mimeType: 'application/zip',
            encoding: 'base64',
            contents: Buffer.from(zipCsvFiles(out.csv ?? [], `${stem}-csv`, generatedAt)).toString(
              'base64',
            ),
            notes: out.notes,
          })
        if (req.format === 'pdf')
          return ok({
            format: 'pdf',
            fileName: `${stem}.pdf`,
            mimeType: 'application/pdf',
            encoding: 'base64',
            contents: Buffer.from(out.pdf ?? []).toString('base64'),
            notes: out.notes,
          })
        return ok({
          format: 'html',
          fileName: `${stem}.html`,
          mimeType: 'text/html',
          encoding: 'utf8',
          contents: out.html ?? '',
          notes: out.notes,
        })
      } catch (error) {
        if (error instanceof ReportCancelled) return fail('cancelled', error.message)
        if (error instanceof ReportTenantNotFound) return fail('not-found', error.message)
        throw error
      } finally {
        jobs.delete(jobId)
      }
    },
    'reports:cancel': (req, call) => {
      const job = jobs.get(req.jobId)
      if (!job || !sameSession(job.owner, call.session)) return ok({ cancelled: false })
      job.controller.abort()
      return ok({ cancelled: true })
    },
  }
}
