/**
 * `strata report FILE --html out.html --pdf out.pdf --csv DIR [--tenant ID]`: places and
 * simulates the design as its settings say, then writes the report in the asked formats.
 * With `--tenant`, the report holds that tenant's view only.
 */
import { mkdir } from 'node:fs/promises'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { readStrataFile } from '../../engine/persistence'
import { writeFileAtomic } from '../../services/files/atomic-write'
import {
  ReportCancelled,
  ReportTenantNotFound,
  produceReport,
} from '../../services/reports/produce-report'
import { appVersion } from '../../services/paths'
import { parseCliArgs, type CliCommand } from '../command'
import { printProblems } from '../load-design-file'

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'place, simulate and write an HTML / PDF / CSV report (optionally one tenant\u2019s)',
  usage: 'strata report FILE [--html OUT.html] [--pdf OUT.pdf] [--csv DIR] [--tenant ID]',
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
    if (!file || positionals.length > 1 || (!html && !pdf && !csv)) {
      io.err(`usage: ${this.usage}`)
      return 2
    }
    const path = resolve(io.cwd, file)
    let bytes: Uint8Array
    try {
      bytes = await readFile(path)
    } catch (error) {
      io.err(`cannot read ${path}: ${(error as Error).message}`)
      return 1
    }
    const read = readStrataFile(bytes, { source: path })
    if (!read.ok) {
      io.err(read.message)
      printProblems({ out: io.err }, file, read.problems)
      return 1
    }
    let lastStage = ''
    try {
      const out = await produceReport({
        design: read.design,
        tenantId,
        html: Boolean(html),
        pdf: Boolean(pdf),
        csv: Boolean(csv),
        generatedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
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
        const dir = resolve(io.cwd, csv)
        await mkdir(dir, { recursive: true })
        for (const f of out.csv)
          await writeFileAtomic(join(dir, f.fileName), f.contents, { backup: false })
        io.out(`wrote ${out.csv.length} CSV files to ${dir}`)
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
