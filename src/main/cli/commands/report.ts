/**
 * `strata report FILE --html out.html --pdf out.pdf --csv out.zip [--tenant ID]`: places and
 * simulates the design as its settings say, then writes the report in the asked formats.
 * With `--tenant`, the report holds that tenant's view only. `--csv` writes ONE zip (a folder
 * of CSV files, one per table), the same archive the app's "Export report (CSV)" downloads.
 * `strata report --experiment RESULTS_DIR [--html F] [--pdf F] [--csv F.zip]`: the
 * comparison of an experiment's runs (table, Pareto chart, box plots, factor effects).
 */
import { statSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { writeOut } from '../write-output'
import type { CsvFile } from '../../engine'
import {
  ReportCancelled,
  ReportRefused,
  ReportTenantNotFound,
  produceReport,
} from '../../services/reports/produce-report'
import { zipCsvFiles } from '../../services/reports/csv-zip'
import { appVersion } from '../../services/paths'
import {
  produceExperimentReport,
  readExperimentResults,
} from '../../services/reports/experiment-report'
import { parseCliArgs, type CliCommand, type CliIo, type CliOptions } from '../command'
import { openRunnableDesign } from '../load-design-file'

/** The options, with what `--help` says of each. */
const REPORT_OPTIONS = {
  html: { type: 'string', value: 'OUT.html', help: 'write the report as HTML' },
  pdf: { type: 'string', value: 'OUT.pdf', help: 'write the report as PDF' },
  csv: {
    type: 'string',
    value: 'OUT.zip',
    help: "write the report's tables as CSV files in one zip",
  },
  tenant: { type: 'string', value: 'ID', help: "one tenant's report instead of the provider's" },
  experiment: {
    type: 'string',
    value: 'RESULTS_DIR',
    help: "the comparison report of an experiment's results folder (`strata experiment run --out`)",
  },
} as const satisfies CliOptions

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'place, simulate and write an HTML / PDF / CSV report (optionally one tenant\u2019s)',
  usage:
    'strata report FILE [--html OUT.html] [--pdf OUT.pdf] [--csv OUT.zip] [--tenant ID]\n' +
    '       strata report --experiment RESULTS_DIR [--html OUT.html] [--pdf OUT.pdf] [--csv OUT.zip]',
  options: REPORT_OPTIONS,
  async run(args, io) {
    const parsed = parseCliArgs(this, args, REPORT_OPTIONS, io)
    if (!parsed) return 2
    const { positionals, values } = parsed
    const file = positionals[0]
    const { html, pdf, csv, tenant: tenantId, experiment } = values
    if (csv && statSync(resolve(io.cwd, csv), { throwIfNoEntry: false })?.isDirectory()) {
      io.err(
        `strata report: --csv takes the zip file to write (e.g. report-csv.zip), and ${csv} is a folder`,
      )
      return 2
    }
    if (experiment !== undefined) {
      if (positionals.length > 0 || tenantId !== undefined || (!html && !pdf && !csv)) {
        io.err(`usage: ${this.usage}`)
        return 2
      }
      return experimentReport(resolve(io.cwd, experiment), { html, pdf, csv }, io)
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
      return await writeReportFiles({ html, pdf, csv }, out, generatedAt, 'report-csv', io)
    } catch (error) {
      if (error instanceof ReportTenantNotFound || error instanceof ReportCancelled) {
        io.err(`strata report: ${error.message}`)
        return 1
      }
      // Refused before placement, in `strata simulate`'s words (review s7a #4).
      if (error instanceof ReportRefused) {
        io.err(`strata report: ${file}: ${error.message}`)
        return 1
      }
      throw error
    }
  },
}

/** Writes the experiment comparison of `dir` in the asked formats. */
async function experimentReport(
  dir: string,
  outs: { html?: string; pdf?: string; csv?: string },
  io: CliIo,
): Promise<number> {
  let results
  try {
    results = readExperimentResults(dir)
  } catch (error) {
    io.err(`strata report: ${(error as Error).message}`)
    return 1
  }
  const generatedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z')
  const out = await produceExperimentReport({
    results,
    html: Boolean(outs.html),
    pdf: Boolean(outs.pdf),
    csv: Boolean(outs.csv),
    generatedAt,
    generator: `Strata ${appVersion()}`,
  })
  return writeReportFiles(outs, out, generatedAt, 'experiment-csv', io)
}

/**
 * Writes the asked formats of a produced report, each atomically (`writeOut`); the CSV tables
 * as one zip, as the app downloads it: a folder named after the archive, one CSV per table.
 * Stops at the first file it cannot write, naming it (exit 1).
 */
async function writeReportFiles(
  outs: { html?: string | undefined; pdf?: string | undefined; csv?: string | undefined },
  out: { html?: string; pdf?: Uint8Array; csv?: CsvFile[] },
  generatedAt: string,
  csvFolder: string,
  io: CliIo,
): Promise<number> {
  const files: Array<[string, string | Uint8Array, (path: string) => string]> = []
  if (outs.html && out.html) files.push([outs.html, out.html, (p) => `wrote ${p}`])
  if (outs.pdf && out.pdf) files.push([outs.pdf, out.pdf, (p) => `wrote ${p}`])
  if (outs.csv && out.csv) {
    const folder = basename(resolve(io.cwd, outs.csv)).replace(/\.zip$/i, '') || csvFolder
    const csv = out.csv
    files.push([
      outs.csv,
      zipCsvFiles(csv, folder, generatedAt),
      (p) => `wrote ${p} (${csv.length} CSV files in ${folder}/)`,
    ])
  }
  for (const [name, contents, said] of files) {
    const written = await writeOut(name, io.cwd, contents)
    if (!written.ok) {
      io.err(`strata report: ${written.message}`)
      return 1
    }
    io.out(said(written.path))
  }
  return 0
}
