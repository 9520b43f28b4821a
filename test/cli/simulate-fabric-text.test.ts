/**
 * Review finding 14: `strata simulate` printed nothing of the network or storage a run
 * modelled. Its text now carries the facts the provider report gives; here checked against
 * the run's own result JSON, summed independently, and absent in a CloudSim-compatible run.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SimulationResult } from '../../src/shared/domain/simulation-result'
import { strataIn } from '../support/strata-cli'

const SAMPLE = join(__dirname, '../../resources/samples/two-hall.strata.json')

describe('strata simulate prints the network and storage it modelled', () => {
  it('gives the delivered traffic, switch energy and storage energy of the result', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'strata-fabric-text-'))
    const out = join(dir, 'r.json')
    const run = await strataIn(dir, 'simulate', SAMPLE, '--result', out)
    expect(run.code).toBe(0)
    const r = JSON.parse(readFileSync(out, 'utf8')) as SimulationResult
    expect(r.network).toBeDefined()
    expect(r.storage).toBeDefined()
    const deliveredGB = (r.network?.tenants ?? []).reduce((s, t) => s + t.gbSent + t.gbReceived, 0)
    const line = (label: string) =>
      run.out.split('\n').find((l) => l.trimStart().startsWith(label)) ?? ''
    const figure = (label: string) =>
      Number(
        line(label)
          .slice(label.length + 5)
          .replace(/[^\d.]/g, ''),
      )
    expect(run.out).toMatch(/^ {2}Network:$/m)
    expect(run.out).toMatch(/^ {2}Storage:$/m)
    expect(figure('Traffic delivered')).toBeCloseTo(deliveredGB, 1)
    expect(figure('Switch energy')).toBeCloseTo(r.network?.switchEnergyKWh ?? NaN, 3)
    expect(figure('Storage energy')).toBeCloseTo(r.storage?.energyKWh ?? NaN, 3)
  })

  it('prints neither in a CloudSim-compatible run, which models neither', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'strata-fabric-text-'))
    const d = JSON.parse(readFileSync(SAMPLE, 'utf8')) as { simulation: Record<string, unknown> }
    d.simulation.cloudsimCompat = true
    const file = join(dir, 'compat.strata.json')
    writeFileSync(file, JSON.stringify(d))
    const run = await strataIn(dir, 'simulate', file)
    expect(run.code).toBe(0)
    expect(run.out).not.toMatch(/^ {2}(Network|Storage):$/m)
  })
})
