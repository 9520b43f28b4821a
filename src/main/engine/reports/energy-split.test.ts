/**
 * The report's "Power and energy" splits the energy by device kind as the Simulation tab and
 * `strata simulate` do (review s7u #9). Expected: the run's own device figures (storage
 * systems' energy, switches' energy) and hosts = total − both, formatted by hand.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Design } from '../../../shared/design/schema'
import { checkIntegrity } from '../model/validate'
import { simulate } from '../simulation'
import { renderReportHtml } from './html'
import { buildProviderReport } from './provider-report'

const sample = checkIntegrity(
  JSON.parse(readFileSync('resources/samples/two-hall.strata.json', 'utf8')),
).design as Design

describe('the report’s energy by device kind', () => {
  it('gives hosts, storage and switches, each equal to the run’s figures, adding up to the total', () => {
    const design: Design = { ...sample, simulation: { ...sample.simulation, horizonS: 2 * 3600 } }
    const result = simulate(design, { hostSeries: false })
    const total = result.summary.energyKWh
    const storage = result.storage?.energyKWh ?? NaN
    const switches = result.network?.switchEnergyKWh ?? NaN
    const hosts = total - storage - switches
    expect(storage).toBeGreaterThan(0)
    expect(switches).toBeGreaterThan(0)
    expect(hosts).toBeGreaterThan(0)
    const html = renderReportHtml(buildProviderReport({ design, simulation: result }), {
      renderChart: () => '<svg></svg>',
      generatedAt: '2026-01-01T00:00:00Z',
    })
    const power = html.slice(html.indexOf('<h2>Power and energy</h2>'))
    const fact = (label: string, kWh: number) =>
      `<dt>${label} energy</dt><dd>${kWh.toFixed(2)} kWh (${Math.round((100 * kWh) / total)} %)</dd>`
    expect(power).toContain(fact('Hosts', hosts))
    expect(power).toContain(fact('Storage', storage))
    expect(power).toContain(fact('Switches', switches))
  })
})
