import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  clockLabel,
  formatMoney,
  formatMoneyShort,
  formatValue,
  labelStepHours,
  mipsUnit,
  powerUnit,
  wholeHourLabels,
} from './chart-style'
import { hostsOption, powerOption, wrapWords } from './chart-options'
import {
  costOptions,
  groupLines,
  MAX_SLA_ROWS,
  ninesLabel,
  ninesOf,
  slaOption,
} from './tenant-chart-options'

describe('chart style', () => {
  it('formats numbers to a precision that fits their size, with the unit', () => {
    expect(formatValue(1414.7891165350302, 'W')).toBe('1,415 W')
    expect(formatValue(98.44, '%')).toBe('98.4 %')
    expect(formatValue(3.14159)).toBe('3.14')
    expect(formatValue(0.02149)).toBe('0.021')
    expect(formatValue(Number.NaN)).toBe('–')
  })

  it('formats money to its currency’s precision and time as h:mm', () => {
    expect(formatMoney(1234.567, 'USD')).toBe('$1,234.57')
    expect(formatMoney(1234.567, 'JPY')).toBe('¥1,235')
    expect(formatMoney(1, 'not a currency')).toBe('1 not a currency')
    expect(clockLabel(6 * 3600 + 5 * 60)).toBe('6:05')
    expect(clockLabel(36 * 3600)).toBe('36:00')
  })

  it('puts active hosts on a count axis of their own, power and energy on theirs', () => {
    const series = { timesS: [0, 300], totalPowerW: [1400, 1500], activeHosts: [9, 9] }
    const hosts = hostsOption(series, { theme: 'light' }) as {
      yAxis: { name: string; min: number }
      series: Array<{ data: number[] }>
    }
    expect(hosts.yAxis.name).toBe('Hosts on')
    expect(hosts.yAxis.min).toBe(0)
    expect(hosts.series[0]?.data).toEqual([9, 9])
    const power = powerOption(series, { theme: 'dark' }) as { yAxis: Array<{ name: string }> }
    expect(power.yAxis.map((a) => a.name)).toEqual(['Power (W)', 'Energy (kWh)'])
  })

  it('draws one cost chart per currency, never adding currencies', () => {
    const looks = new Map([
      ['a', { name: 'A', colour: '#111', currency: 'USD' }],
      ['b', { name: 'B', colour: '#222', currency: 'EUR' }],
      ['c', { name: 'C', colour: '#333', currency: 'USD' }],
    ])
    const tenants = ['a', 'b', 'c'].map((tenantId) => ({
      tenantId,
      allocatedMips: [1],
      cumulativeCost: [2],
    }))
    const charts = costOptions({ timesS: [0], tenants }, looks, { theme: 'light' })
    expect(charts.map((c) => c.currency)).toEqual(['USD', 'EUR'])
    const names = (o: unknown): string[] =>
      (o as { series: Array<{ name: string }> }).series.map((s) => s.name)
    expect(names(charts[0]?.option)).toEqual(['A', 'C'])
    expect(names(charts[1]?.option)).toEqual(['B'])
  })

  it('draws availability in nines, so 99.9 % and 100 % stand apart, each bar from 0', () => {
    // -log10(1 - 0.999) = 3 nines; 100 % is drawn at the cap, one nine above the best finite value
    expect(ninesOf(99.9, 6)).toBeCloseTo(3, 12)
    expect(ninesOf(99, 6)).toBeCloseTo(2, 12)
    expect(ninesOf(0, 6)).toBe(0)
    expect(ninesOf(100, 6)).toBe(6)
    expect([0, 1, 2, 3, 4].map(ninesLabel)).toEqual(['0 %', '90 %', '99 %', '99.9 %', '99.99 %'])
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 60 }),
        (values) => {
          const tenants = values.map((v, i) => ({
            tenantId: `t${i}`,
            availabilityPercent: v,
            slaAvailabilityPercent: 99.9,
            slaViolation: v < 99.9,
          }))
          const looks = new Map(
            tenants.map((t) => [t.tenantId, { name: t.tenantId, colour: '#111', currency: 'USD' }]),
          )
          const option = slaOption(
            { tenants } as unknown as Parameters<typeof slaOption>[0],
            looks,
            { theme: 'light' },
          ) as {
            xAxis: { min: number; max: number }
            yAxis: { data: string[] }
            series: Array<{ data: Array<number | { value: number }> }>
          }
          // bars from 0 (review s5 #7); every bar within the axis; 100 % at its top end
          expect(option.xAxis.min).toBe(0)
          const bars = (option.series[0]?.data ?? []).map((d) =>
            typeof d === 'number' ? d : d.value,
          )
          for (const n of bars) expect(n).toBeGreaterThanOrEqual(0)
          for (const n of bars) expect(n).toBeLessThanOrEqual(option.xAxis.max)
          // at most MAX_SLA_ROWS rows, worst first: every tenant shown is no further above its
          // promise than any tenant left out, and any violator is shown before the others
          const shown = option.yAxis.data
          expect(shown.length).toBe(Math.min(values.length, MAX_SLA_ROWS))
          const byName = new Map(tenants.map((t) => [t.tenantId, t.availabilityPercent]))
          const worstLeftOut = Math.min(
            ...tenants.filter((t) => !shown.includes(t.tenantId)).map((t) => t.availabilityPercent),
          )
          for (const name of shown) expect(byName.get(name)).toBeLessThanOrEqual(worstLeftOut)
        },
      ),
    )
  })

  it('wraps a subtitle at spaces, losing no word', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z]{1,15}$/), { maxLength: 30 }),
        fc.integer({ min: 5, max: 50 }),
        (words, max) => {
          const lines = wrapWords(words.join(' '), max).split('\n')
          expect(lines.join(' ')).toBe(words.join(' '))
          for (const l of lines) if (l.includes(' ')) expect(l.length).toBeLessThanOrEqual(max)
        },
      ),
    )
  })

  it('reads CPU in MIPS, GIPS, TIPS or PIPS, and money short on an axis', () => {
    // 350,000,000 MIPS = 3.5 × 10^14 instructions/s = 350 TIPS
    expect(mipsUnit(350_000_000)).toEqual({ unit: 'TIPS', perMips: 1e6 })
    expect(mipsUnit(9_999)).toEqual({ unit: 'MIPS', perMips: 1 })
    expect(mipsUnit(10_000)).toEqual({ unit: 'GIPS', perMips: 1e3 })
    expect(mipsUnit(2e10)).toEqual({ unit: 'PIPS', perMips: 1e9 })
    expect(formatMoneyShort(1_234_567.89, 'USD')).toBe('$1.23M')
    expect(formatMoneyShort(350, 'EUR')).toBe('€350')
  })

  it('groups lines beyond a dozen as their mean, keeping every sample’s total', () => {
    const line = fc.record({
      name: fc.string(),
      values: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 3, maxLength: 3 }),
    })
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const grouped = groupLines(lines)
        expect(grouped.length).toBeLessThanOrEqual(12)
        if (lines.length <= 12) expect(grouped).toEqual(lines)
        for (let i = 0; i < 3; i++) {
          // the group stands for `grouped` tenants at their mean each
          const sum = (ls: ReadonlyArray<{ values: number[]; grouped?: number }>): number =>
            ls.reduce((s, l) => s + (l.values[i] ?? 0) * (l.grouped ?? 1), 0)
          expect(sum(grouped)).toBeCloseTo(sum(lines), 6)
        }
      }),
    )
  })
})

describe('power units and whole-hour time labels (review s7u #10b)', () => {
  it('power reads in W, kW or MW by magnitude: 3,000,000 W is 3 MW', () => {
    expect(powerUnit(2_979)).toEqual({ unit: 'W', perW: 1 })
    expect(powerUnit(70_000)).toEqual({ unit: 'kW', perW: 1_000 })
    expect(powerUnit(3_000_000)).toEqual({ unit: 'MW', perW: 1_000_000 })
  })

  it('a day of 5-min samples is labelled every 6 h, and the heatmap on the same hours', () => {
    // the least whole-hour step with at most 4 intervals in 24 h: 24 / 6 = 4 → every 6 h
    expect(labelStepHours(86_400)).toBe(6)
    const times = Array.from({ length: 289 }, (_, i) => i * 300)
    const labelled = wholeHourLabels(times)
      .map((on, i) => (on ? clockLabel(times[i] as number) : undefined))
      .filter(Boolean)
    expect(labelled).toEqual(['0:00', '6:00', '12:00', '18:00', '24:00'])
    // the heatmap's columns (every 15 min) get the same whole hours
    const columns = Array.from({ length: 97 }, (_, i) => i * 900)
    expect(
      wholeHourLabels(columns)
        .map((on, i) => (on ? clockLabel(columns[i] as number) : undefined))
        .filter(Boolean),
    ).toEqual(labelled)
  })
})
