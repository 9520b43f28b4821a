import { describe, expect, it } from 'vitest'
import { factorText, parseFactorValue, varyFromDrafts } from './experiment-factors'

describe('experiment factors as typed', () => {
  it('reads JSON values as JSON and other text as strings', () => {
    expect(parseFactorValue(' 4 ')).toBe(4)
    expect(parseFactorValue('true')).toBe(true)
    expect(parseFactorValue('thr-mmt-0.8')).toBe('thr-mmt-0.8')
    expect(parseFactorValue('"1"')).toBe('1')
  })

  it('turns rows into vary, skipping blank rows', () => {
    expect(
      varyFromDrafts([
        { path: 'simulation.policy', values: 'dvfs, thr-mmt-0.8' },
        { path: '', values: '' },
        { path: 'racks[*].cpuAllocationRatio', values: '1,4' },
      ]),
    ).toEqual({
      ok: true,
      vary: { 'simulation.policy': ['dvfs', 'thr-mmt-0.8'], 'racks[*].cpuAllocationRatio': [1, 4] },
    })
    expect(factorText('dvfs')).toBe('dvfs')
    expect(factorText(4)).toBe('4')
  })

  it('says which row is wrong', () => {
    expect(varyFromDrafts([])).toEqual({ ok: false, message: 'define at least one factor' })
    expect(
      varyFromDrafts([
        { path: 'a', values: '1' },
        { path: '', values: '2' },
      ]),
    ).toEqual({
      ok: false,
      message: 'factor 2: give a design path',
    })
    expect(varyFromDrafts([{ path: 'a', values: '1,,2' }])).toEqual({
      ok: false,
      message: 'factor 1 (a): value 2 is empty',
    })
    expect(
      varyFromDrafts([
        { path: 'a', values: '1' },
        { path: 'a', values: '2' },
      ]),
    ).toEqual({
      ok: false,
      message: 'factor 2: a is already a factor',
    })
  })
})
