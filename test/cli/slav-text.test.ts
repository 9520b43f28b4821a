/**
 * Review s6u #3: SLAV printed as zero (`0.00000 %` in `strata simulate`, `0.000000 %` in the
 * report) while the app showed `9.51 × 10⁻⁸ %`. Both now print it with the app's formatter;
 * here the printed figure, read back, equals SLATAH × PDM multiplied out from the run's result
 * JSON (the definition, Beloglazov & Buyya 2012) to its 3 significant digits, and is not zero.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildProviderReport } from '../../src/main/engine/reports/provider-report'
import { parseDesign } from '../../src/main/engine/model/parse'
import type { SimulationResult } from '../../src/shared/domain/simulation-result'
import { METRICS } from '../../src/shared/metrics-glossary'
import { strataIn } from '../support/strata-cli'

const SAMPLE = join(__dirname, '../../resources/samples/two-hall.strata.json')
const SUPER = '⁰¹²³⁴⁵⁶⁷⁸⁹'

/** `9.51 × 10⁻⁸ %` or `1.23 %` back to a percentage. */
function readPercent(text: string): number {
  const m = /(-?[\d.]+)(?: × 10(⁻?)([⁰¹²³⁴⁵⁶⁷⁸⁹]+))? %/.exec(text)
  if (!m) throw new Error(`no percentage in "${text}"`)
  const power = m[3] ? Number([...m[3]].map((c) => SUPER.indexOf(c)).join('')) : 0
  return Number(m[1]) * 10 ** (m[2] ? -power : power)
}

describe('SLAV is printed, not rounded to zero', () => {
  it('by strata simulate and by the report, as SLATAH × PDM to 3 significant digits', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'strata-slav-'))
    const out = join(dir, 'r.json')
    const run = await strataIn(dir, 'simulate', SAMPLE, '--result', out)
    expect(run.code).toBe(0)
    const r = JSON.parse(readFileSync(out, 'utf8')) as SimulationResult
    const slavPercent = r.summary.slatah * r.summary.pdm * 100
    expect(slavPercent).toBeGreaterThan(0)
    const line = run.out.split('\n').find((l) => l.trimStart().startsWith(METRICS.slav.label))
    const printed = readPercent(line ?? '')
    expect(printed).toBeGreaterThan(0)
    expect(Math.abs(printed - slavPercent)).toBeLessThanOrEqual(slavPercent * 5e-3)

    const parsed = parseDesign(JSON.parse(readFileSync(SAMPLE, 'utf8')))
    if (!parsed.ok) throw new Error('the sample does not parse')
    const model = buildProviderReport({ design: parsed.value, simulation: r })
    const facts = model.sections.flatMap((s) =>
      s.blocks.flatMap((b) => (b.kind === 'facts' ? b.items : [])),
    )
    const fact = facts.find(([label]) => label === METRICS.slav.label)
    expect(readPercent(fact?.[1] ?? '')).toBe(printed)
  })
})
