/** Readable lost CPU (review s5 #9): magnitudes worked by hand. */
import { describe, expect, it } from 'vitest'
import { instructions, lostCpu, lostCpuParts } from './format'

describe('lost CPU text', () => {
  it('says million instructions in words at a readable magnitude', () => {
    // 301,681,315.43 MI = 3.0168 × 10^14 instructions = 301.68 trillion
    expect(instructions(301_681_315.43)).toBe('301.68 trillion instructions')
    expect(instructions(2.5)).toBe('2.5 million instructions')
    expect(instructions(1_500)).toBe('1.5 billion instructions')
    expect(instructions(0)).toBe('0 instructions')
  })

  it('prefers vCPU-hours, with the share of the CPU asked for', () => {
    expect(lostCpu({ stealCpuMi: 7_200_000, stealVcpuHours: 1, lostCpuFraction: 0.0743 })).toBe(
      '1 vCPU-hours (7.43 % of the CPU asked for)',
    )
    expect(lostCpu({ stealCpuMi: 301_681_315.43 })).toBe('301.68 trillion instructions')
    expect(lostCpu({})).toBe('—')
  })
})

describe('lostCpuParts', () => {
  it('splits the lost CPU into contention and interference shares of what was asked', () => {
    // asked 1,000 MI, lost 100 MI of which 60 MI interference: contention 4 %, interference 6 %.
    expect(lostCpuParts({ requestedCpuMi: 1000, stealCpuMi: 100, interferenceLostCpuMi: 60 })).toBe(
      'contention 4.00 % · interference 6.00 %',
    )
    expect(lostCpuParts({ stealCpuMi: 100 })).toBe('')
    expect(lostCpuParts({ requestedCpuMi: 0, stealCpuMi: 0, interferenceLostCpuMi: 0 })).toBe('')
  })
})
