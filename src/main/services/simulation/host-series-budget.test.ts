/**
 * When a run keeps per-host series: packed as five float64 series, hosts × samples × 40 B
 * within 256 MiB (arithmetic: 268,435,456 / 40 = 6,710,886.4 host-samples).
 */
import { describe, expect, it } from 'vitest'
import { HOST_SERIES_BUDGET, keepsHostSeries } from './runs'
import { BYTES_PER_HOST_SAMPLE, HOST_SERIES_MEMORY_BUDGET_BYTES } from './host-series-store'

describe('keepsHostSeries', () => {
  it('keeps them for 10,000 hosts over a day of 5-minute steps, not over a week', () => {
    expect(HOST_SERIES_MEMORY_BUDGET_BYTES).toBe(268_435_456)
    expect(BYTES_PER_HOST_SAMPLE).toBe(40)
    // 86,400 / 300 + 1 = 289 samples: 2,890,000 host-samples = 115.6 MB
    expect(keepsHostSeries(10_000, 86_400, 300)).toBe(true)
    // 7 × 288 + 1 = 2,017 samples: 20,170,000 host-samples = 806.8 MB
    expect(keepsHostSeries(10_000, 7 * 86_400, 300)).toBe(false)
    // 6,710,886 / 289 = 23,221.06 hosts for a day
    expect(keepsHostSeries(23_221, 86_400, 300)).toBe(true)
    expect(keepsHostSeries(23_222, 86_400, 300)).toBe(false)
  })

  it('may be declined, but never asked for past the budget (review s6a #8)', () => {
    expect(keepsHostSeries(10_000, 86_400, 300, false)).toBe(false)
    expect(keepsHostSeries(10_000, 86_400, 300, true)).toBe(true)
    // a week of 10,000 hosts is 806.8 MB: asking for them does not keep them
    expect(keepsHostSeries(10_000, 7 * 86_400, 300, true)).toBe(false)
  })

  it('ships them in a whole result within 2,000,000 host-samples only', () => {
    expect(HOST_SERIES_BUDGET).toBe(2_000_000)
  })
})
