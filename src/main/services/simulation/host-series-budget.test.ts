/** When a run keeps per-host series: hosts × samples within HOST_SERIES_BUDGET (arithmetic). */
import { describe, expect, it } from 'vitest'
import { HOST_SERIES_BUDGET, keepsHostSeries } from './runs'

describe('keepsHostSeries', () => {
  it('keeps them for 10,000 hosts over an hour of 5-minute steps, not over a day', () => {
    // 3600 / 300 + 1 = 13 samples: 130,000 values; 86,400 / 300 + 1 = 289: 2,890,000
    expect(HOST_SERIES_BUDGET).toBe(2_000_000)
    expect(keepsHostSeries(10_000, 3600, 300)).toBe(true)
    expect(keepsHostSeries(10_000, 86_400, 300)).toBe(false)
    expect(keepsHostSeries(2000, 86_400, 300)).toBe(true)
    expect(keepsHostSeries(6920, 86_400, 300)).toBe(true)
    expect(keepsHostSeries(6921, 86_400, 300)).toBe(false)
  })
})
