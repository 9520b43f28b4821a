import { describe, expect, it } from 'vitest'
import { METRICS } from './metrics-glossary'

describe('the Energy entry', () => {
  it('says what its figure sums: hosts, shared storage and switches (review s9u A4)', () => {
    // summary.energyKWh = Σ energyBreakdownKWh (hosts + storage + switches), as
    // src/main/engine/reports/energy-split.test.ts checks on a run
    for (const part of ['hosts', 'storage', 'switches'])
      expect(METRICS.energy.definition).toContain(part)
    expect(METRICS.energy.formula.match(/Σ_(hosts|storage|switches)/g)).toEqual([
      'Σ_hosts',
      'Σ_storage',
      'Σ_switches',
    ])
  })
})
