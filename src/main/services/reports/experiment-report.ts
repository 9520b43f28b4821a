/**
 * `strata report --experiment RESULTS_DIR`: the comparison of an experiment's runs as a
 * report (the same model, HTML, PDF and CSV machinery as design reports): the table of means
 * with clamped 95 % CIs per combination, the Pareto chart (energy vs SLA violation), a box
 * plot per metric over the repetitions, the factor effects (mean per factor level) and the
 * runs. Reads `results.json` of a folder `strata experiment run` wrote.
 */
import { join } from 'node:path'
import type { ExperimentRunRow } from '../../../shared/contract'
import {
  DEFAULT_MAX_FILE_BYTES,
  renderReportHtml,
  reportCsvFiles,
  type CsvFile,
  type ReportModel,
  type ReportTable,
} from '../../engine'
import { checkExperimentResults, type ExperimentResultsFile } from '../experiments/results-file'
import { displayPath, readStoredJsonSync } from '../experiments/stored-json'
import { combinationRows, metricValue, runRow } from '../experiments/results-view'
import { combinationTable, runTable } from '../experiments/results-table'
import { loadChartRenderer } from './chart-svg'
import { boxPlotSvg, paretoSvg } from './experiment-charts'
import { htmlToPdfWithChromium } from './pdf'

/**
 * Reads `<dir>/results.json` and checks every field of every record (`results-file.ts`);
 * throws an Error naming the file and each wrong field with its JSON path
 * (`results.json: records[5].tenants must be an array`).
 */
export function readExperimentResults(dir: string): ExperimentResultsFile {
  const file = join(dir, 'results.json')
  const read = readStoredJsonSync(file, DEFAULT_MAX_FILE_BYTES)
  if (!read.ok)
    throw new Error(
      `${read.missing ? `cannot read ${displayPath(file)}: there is no such file` : `${displayPath(file)} ${read.problem}`}; give the output folder of \`strata experiment run\``,
    )
  const json = read.json
  const checked = checkExperimentResults(json)
  if (!checked.ok)
    throw new Error(
      `${displayPath(file)} is not an experiment's results:\n` +
        checked.problems.map((p) => `results.json: ${p}`).join('\n'),
    )
  return checked.value
}

/** The compared metrics of the report: key, label with unit, scale to that unit. */
const METRICS = [
  {
    key: 'energyKWh',
    label: 'IT energy (kWh)',
    csv: 'energy_kwh',
    scale: 1,
    range: { min: 0, max: null },
  },
  {
    key: 'overallSlaViolation',
    label: 'SLA violation (%)',
    csv: 'sla_violation_pct',
    scale: 100,
    range: { min: 0, max: 100 },
  },
  {
    key: 'meanAvailabilityPercent',
    label: 'Availability (%)',
    csv: 'availability_pct',
    scale: 1,
    range: { min: 0, max: 100 },
  },
  {
    key: 'migrations',
    label: 'Migrations',
    csv: 'migrations',
    scale: 1,
    range: { min: 0, max: null },
  },
] as const

const round = (v: number, digits = 6): number => Number(v.toFixed(digits))
const factorText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v))
const label = (factorNames: readonly string[], factors: Record<string, unknown>): string =>
  factorNames.map((f) => factorText(factors[f] ?? null)).join(' · ')

/** Non-dominated points (minimise both), by x then y. */
function front<T extends { x: number; y: number }>(points: readonly T[]): T[] {
  return points
    .filter((p) => !points.some((q) => q.x <= p.x && q.y <= p.y && (q.x < p.x || q.y < p.y)))
    .sort((a, b) => a.x - b.x || a.y - b.y)
}

/** Mean of each metric per level of each factor, over every run with that level. */
export function factorEffects(
  factorNames: readonly string[],
  rows: readonly ExperimentRunRow[],
): ReportTable {
  const out: Array<Array<string | number>> = []
  for (const f of factorNames) {
    const levels = new Map<string, ExperimentRunRow[]>()
    for (const r of rows) {
      const key = factorText(r.factors[f] ?? null)
      levels.set(key, [...(levels.get(key) ?? []), r])
    }
    for (const [level, group] of levels)
      out.push([
        f,
        level,
        group.length,
        ...METRICS.map((m) => {
          const vs = group.flatMap((r) => {
            const v = metricValue(r, m.key)
            return v === undefined ? [] : [v * m.scale]
          })
          return vs.length ? round(vs.reduce((a, b) => a + b, 0) / vs.length) : ''
        }),
      ])
  }
  return {
    id: 'factor-effects',
    title: 'Factor effects: mean per factor level (over every run at that level)',
    columns: [
      'factor',
      'level',
      'runs',
      ...METRICS.map((m) => ({ label: `mean ${m.label}`, csv: `mean_${m.csv}` })),
    ],
    rows: out,
  }
}

/** The report model and its pictures (SVG strings already drawn). */
export async function buildExperimentReport(results: ExperimentResultsFile): Promise<ReportModel> {
  const { factorNames } = results
  const rows = [...results.records].sort((a, b) => a.index - b.index).map(runRow)
  const combos = combinationRows(factorNames, rows)
  const echarts = await import('echarts')
  const reps = [...new Set(combos.map((c) => c.runs))].join('/')
  const comparison: ReportTable = {
    id: 'comparison',
    title: `Mean and 95 % CI per combination (${reps} run(s) each; intervals clamped to each metric's range; every metric in the CSV)`,
    columns: [
      ...factorNames,
      'runs',
      ...METRICS.slice(0, 2).flatMap((m) => [
        { label: `${m.label} mean`, csv: `${m.csv}_mean` },
        { label: 'CI low', csv: `${m.csv}_ci95_low` },
        { label: 'CI high', csv: `${m.csv}_ci95_high` },
      ]),
    ],
    rows: combos.map((c) => [
      ...factorNames.map((f) => factorText(c.factors[f] ?? null)),
      c.runs,
      ...METRICS.slice(0, 2).flatMap((m) => {
        const e = c.estimates[m.key]
        const s = (v: number | null | undefined): string | number =>
          v === null || v === undefined ? '' : round(v * m.scale)
        return [s(e?.mean), s(e?.ci95Low), s(e?.ci95High)]
      }),
    ]),
  }
  // Every metric and column of the results, for spreadsheets.
  const allRuns = runTable(factorNames, results.records)
  const allCombos = combinationTable(factorNames, allRuns)
  const tableOf = (id: string, title: string, t: typeof allRuns): ReportTable => ({
    id,
    title,
    columns: t.columns,
    rows: t.rows.map((r) =>
      t.columns.map((c) => {
        const v = r[c]
        return v === null || v === undefined ? '' : typeof v === 'boolean' ? String(v) : v
      }),
    ),
    csvOnly: true,
  })
  const energy = METRICS[0]
  const sla = METRICS[1]
  const means = combos.flatMap((c) => {
    const x = c.estimates[energy.key]?.mean
    const y = c.estimates[sla.key]?.mean
    return x === undefined || y === undefined
      ? []
      : [{ x: x * energy.scale, y: y * sla.scale, label: label(factorNames, c.factors) }]
  })
  const pareto = paretoSvg(echarts, {
    xName: energy.label,
    yName: sla.label,
    runs: rows.map((r) => ({
      x: (metricValue(r, energy.key) ?? NaN) * energy.scale,
      y: (metricValue(r, sla.key) ?? NaN) * sla.scale,
    })),
    front: front(means),
  })
  const boxes = METRICS.map((m) => ({
    title: `${m.label} over the repetitions of each combination`,
    svg: boxPlotSvg(echarts, {
      yName: m.label,
      range: m.range,
      groups: combos.map((c) => ({
        label: label(factorNames, c.factors),
        values: rows
          .filter((r) => label(factorNames, r.factors) === label(factorNames, c.factors))
          .flatMap((r) => {
            const v = metricValue(r, m.key)
            return v === undefined ? [] : [v * m.scale]
          }),
      })),
    }),
  }))
  return {
    title: `${results.name}: experiment comparison`,
    subtitle: `${rows.length} runs, ${combos.length} combinations of ${factorNames.join(', ') || 'no factor'}`,
    audience: 'provider',
    sections: [
      {
        id: 'comparison',
        title: 'Comparison',
        blocks: [
          {
            kind: 'text',
            text: "Means over each combination's repetitions with 95 % confidence intervals (Student's t), clamped to each metric's range (availability 0-100 %, energy, SLA violation and counts >= 0). One run gives no interval.",
          },
          { kind: 'table', table: comparison },
          {
            kind: 'picture',
            title:
              'Energy vs SLA violation: runs and the Pareto front of the means (numbered as listed below)',
            svg: pareto,
          },
          {
            kind: 'facts',
            items: front(means).map((p, i) => [
              `Pareto front ${i + 1}`,
              `${p.label}: ${round(p.x, 2)} kWh, ${round(p.y, 3)} %`,
            ]),
          },
        ],
      },
      {
        id: 'box-plots',
        title: 'Spread over the repetitions',
        blocks: boxes.map((b) => ({ kind: 'picture' as const, title: b.title, svg: b.svg })),
      },
      {
        id: 'effects',
        title: 'Factor effects',
        blocks: [{ kind: 'table', table: factorEffects(factorNames, rows) }],
      },
      {
        id: 'runs',
        title: 'Runs',
        blocks: [
          {
            kind: 'table',
            table: {
              id: 'runs',
              title: 'Every run',
              columns: [
                '#',
                ...factorNames,
                'repetition',
                'seed',
                ...METRICS.map((m) => ({ label: m.label, csv: m.csv })),
              ],
              rows: rows.map((r) => [
                r.index + 1,
                ...factorNames.map((f) => factorText(r.factors[f] ?? null)),
                r.repetition + 1,
                r.seed,
                ...METRICS.map((m) => {
                  const v = metricValue(r, m.key)
                  return v === undefined ? '' : round(v * m.scale)
                }),
              ]),
              displayLimit: 60,
            },
          },
          { kind: 'table', table: tableOf('results-all', 'Every run, every column', allRuns) },
          {
            kind: 'table',
            table: tableOf('combinations-all', 'Every combination, every column', allCombos),
          },
        ],
      },
    ],
  }
}

/** The report in the asked formats. */
export async function produceExperimentReport(options: {
  results: ExperimentResultsFile
  html: boolean
  pdf: boolean
  csv: boolean
  generatedAt: string
  generator: string
  makePdf?: (html: string) => Promise<Uint8Array>
}): Promise<{ model: ReportModel; html?: string; pdf?: Uint8Array; csv?: CsvFile[] }> {
  const model = await buildExperimentReport(options.results)
  const out: { model: ReportModel; html?: string; pdf?: Uint8Array; csv?: CsvFile[] } = { model }
  if (options.html || options.pdf)
    out.html = renderReportHtml(model, {
      renderChart: await loadChartRenderer(),
      generatedAt: options.generatedAt,
      generator: options.generator,
    })
  if (options.pdf && out.html) out.pdf = await (options.makePdf ?? htmlToPdfWithChromium)(out.html)
  if (options.csv) out.csv = reportCsvFiles(model)
  return out
}
