/**
 * `strata report FILE --html out.html --pdf out.pdf --csv out.zip [--tenant ID]`: places and
 * simulates the design as its settings say, then writes the report in the asked formats.
 * With `--tenant`, the report holds that tenant's view only. `--csv` writes ONE zip (a folder
 * of CSV files, one per table), the same archive the app's "Export report (CSV)" downloads.
 */
import { statSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { writeFileAtomic } from '../../services/files/atomic-write'
import {
  ReportCancelled,
  ReportTenantNotFound,
  produceReport,
} from '../../services/reports/produce-report'
import { zipCsvFiles } from '../../services/reports/csv-zip'
import { appVersion } from '../../services/paths'
import { parseCliArgs, type CliCommand } from '../command'
import { openRunnableDesign } from '../load-design-file'

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'place, simulate and write an HTML / PDF / CSV report (optionally one tenant\u2019s)',
  usage: 'strata report FILE [--html OUT.html] [--pdf OUT.pdf] [--csv OUT.zip] [--tenant ID]',
  async run(args, io) {
    const parsed = parseCliArgs(
      this,
      args,
      {
        html: { type: 'string' },
        pdf: { type: 'string' },
        csv: { type: 'string' },
        tenant: { type: 'string' },
      },
      io,
    )
    if (!parsed) return 2
    const { positionals, values } = parsed
    const file = positionals[0]
    const { html, pdf, csv, tenant: tenantId } = values
    if (csv && statSync(resolve(io.cwd, csv), { throwIfNoEntry: false })?.isDirectory()) {
      io.err(
        `strata report: --csv takes the zip file to write (e.g. report-csv.zip), and ${csv} is a folder`,
      )
      return 2
    }
    if (!file || positionals.length > 1 || (!html && !pdf && !csv)) {
      io.err(`usage: ${this.usage}`)
      return 2
    }
    const read = openRunnableDesign(file, io.cwd, 'report on it', io.err)
    if (!read.ok) return read.exitCode
    let lastStage = ''
    const generatedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z')
    try {
      const out = await produceReport({
        design: read.design,
        tenantId,
        html: Boolean(html),
        pdf: Boolean(pdf),
        csv: Boolean(csv),
        generatedAt,
        generator: `Strata ${appVersion()}`,
        onProgress: (p) => {
          if (p.stage !== lastStage && p.stage !== 'done') io.err(`${p.stage}...`)
          lastStage = p.stage
        },
      })
      for (const note of out.notes) io.err(`note: ${note}`)
      if (html && out.html) {
        await writeFileAtomic(resolve(io.cwd, html), out.html, { backup: false })
        io.out(`wrote ${resolve(io.cwd, html)}`)
      }
      if (pdf && out.pdf) {
        await writeFileAtomic(resolve(io.cwd, pdf), out.pdf, { backup: false })
        io.out(`wrote ${resolve(io.cwd, pdf)}`)
      }
      if (csv && out.csv) {
        // One zip, as the app downloads it: a folder named after the archive, one CSV per table.
        const zipPath = resolve(io.cwd, csv)
        const folder = basename(zipPath).replace(/\.zip$/i, '') || 'report-csv'
        await writeFileAtomic(zipPath, zipCsvFiles(out.csv, folder, generatedAt), { backup: false })
        io.out(`wrote ${zipPath} (${out.csv.length} CSV files in ${folder}/)`)
      }
      return 0
    } catch (error) {
      if (error instanceof ReportTenantNotFound || error instanceof ReportCancelled) {
        io.err(`strata report: ${error.message}`)
        return 1
      }
      throw error
    }
  },
}
