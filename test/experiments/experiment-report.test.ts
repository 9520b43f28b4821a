/**
 * `strata report --experiment RESULTS_DIR` on a real results folder written by `strata
 * experiment run` (2 policies x 2 CPU allocation ratios x 2 repetitions of the fixture):
 * HTML with the table, the Pareto chart and a box plot per metric; PDF; one zip of CSV whose
 * means, intervals and factor effects are recomputed here from the run rows of results.csv.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { strataIn } from '../support/strata-cli'
import { readZip } from '../reports/read-zip'
import { FIXTURES, tempDir } from './helpers'

type Row = Record<string, string>
const csv = (text: string): Row[] =>
  Papa.parse<Row>(text, { header: true, skipEmptyLines: true }).data
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length

describe('strata report --experiment', () => {
  it('writes the comparison of a real results folder as HTML, PDF and CSV', async () => {
    const dir = tempDir('exp-report')
    writeFileSync(
      join(dir, 'small.strata-experiment.json'),
      JSON.stringify({
        schemaVersion: 1,
        name: 'small',
        design: join(FIXTURES, 'two-hall.strata.json'),
        vary: {
          'simulation.policy': ['thr-mmt-0.8', 'dvfs'],
          'racks[*].cpuAllocationRatio': [1, 4],
          'simulation.failures.mode': ['mtbf'],
        },
        repeat: 2,
      }),
    )
    const run = await strataIn(
      dir,
      'experiment',
      'run',
      'small.strata-experiment.json',
      '--workers',
      '2',
    )
    expect(run.code, run.err).toBe(0)
    // the CLI printed the table of means, not only files
    expect(run.out).toContain('IT energy (kWh)')
    expect(run.out).toMatch(/clamped/)

    const results = join(dir, 'small.results')
    const report = await strataIn(
      dir,
      'report',
      '--experiment',
      results,
      '--html',
      'c.html',
      '--pdf',
      'c.pdf',
      '--csv',
      'c.zip',
    )
    expect(report.code, report.err).toBe(0)
    const html = readFileSync(join(dir, 'c.html'), 'utf8')
    expect(html).toContain('small: experiment comparison')
    expect(html).toContain('Pareto front')
    expect(html).toContain('Factor effects')
    // the Pareto chart and a box plot per metric (4), each an inline SVG
    expect(html.match(/<svg/g)?.length ?? 0).toBeGreaterThanOrEqual(5)
    expect(readFileSync(join(dir, 'c.pdf')).subarray(0, 5).toString()).toBe('%PDF-')

    // the oracle: the run rows of results.csv (written by the experiment, read by papaparse)
    const runs = csv(readFileSync(join(results, 'results.csv'), 'utf8'))
    expect(runs).toHaveLength(8)
    const zip = readZip(join(dir, 'c.zip'))
    const comparison = csv(zip.get('c/comparison.csv') ?? '')
    expect(comparison).toHaveLength(4)
    for (const row of comparison) {
      const mine = runs.filter(
        (r) =>
          r['simulation.policy'] === row['simulation.policy'] &&
          r['racks[*].cpuAllocationRatio'] === row['racks[*].cpuAllocationRatio'],
      )
      expect(mine).toHaveLength(2)
      const energy = mine.map((r) => Number(r.energyKWh))
      expect(Number(row.energy_kwh_mean)).toBeCloseTo(mean(energy), 5)
      // n = 2: half-width t(0.975, 1) x |a - b| / 2 = 12.7062 x |a - b| / 2, clamped at 0
      const half = (12.7062 * Math.abs((energy[0] as number) - (energy[1] as number))) / 2
      expect(Number(row.energy_kwh_ci95_high)).toBeCloseTo(mean(energy) + half, 2)
      expect(Number(row.energy_kwh_ci95_low)).toBeCloseTo(Math.max(0, mean(energy) - half), 2)
      const sla = mine.map((r) => Number(r.overallSlaViolation) * 100)
      expect(Number(row.sla_violation_pct_ci95_low)).toBeGreaterThanOrEqual(0)
      expect(Number(row.sla_violation_pct_mean)).toBeCloseTo(mean(sla), 4)
    }
    // factor effects: the mean over every run at each level
    const effects = csv(zip.get('c/factor-effects.csv') ?? '')
    const dvfs = effects.find((e) => e.factor === 'simulation.policy' && e.level === 'dvfs')
    expect(Number(dvfs?.runs)).toBe(4)
    expect(Number(dvfs?.mean_energy_kwh)).toBeCloseTo(
      mean(runs.filter((r) => r['simulation.policy'] === 'dvfs').map((r) => Number(r.energyKWh))),
      5,
    )
    expect(effects.filter((e) => e.factor === 'racks[*].cpuAllocationRatio')).toHaveLength(2)
  }, 300_000)

  it('names the folder and what is wrong when it holds no results', async () => {
    const dir = tempDir('exp-report-bad')
    const missing = await strataIn(dir, 'report', '--experiment', 'nope', '--html', 'x.html')
    expect(missing.code).toBe(1)
    expect(missing.err).toMatch(/cannot read .*nope\/results\.json/)
    writeFileSync(join(dir, 'results.json'), '{"name": "x", "factorNames": [], "records": [{}]}')
    const bad = await strataIn(dir, 'report', '--experiment', '.', '--html', 'x.html')
    expect(bad.code).toBe(1)
    expect(bad.err).toMatch(/results\.json: records\[0\]\.summary must be an object/)
    const usage = await strataIn(dir, 'report', '--experiment', '.')
    expect(usage.code).toBe(2)
  })
})
