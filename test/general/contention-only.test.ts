/**
 * Overall SLA violation in general mode (issue 10): beside CloudSim's figure, which outside
 * compat mode includes CPU lost to co-location interference, a contention-only figure. Expected
 * values from arithmetic.
 *
 * One host of 4 × 1000 MIPS (no contention), interference coefficient 0.2, two VMs of 1 vCPU ×
 * 1000 MIPS at 50 %: each is allocated 500 MIPS; its neighbour uses 500 / 4000 of the host, so
 * each loses 500 × min(0.5, 0.2 × 0.125) = 12.5 MIPS to interference.
 * Overall SLA violation = 25 / 1000 = 2.5 %; contention only = 0.
 */
import { describe, expect, it } from 'vitest'
import { parseDesign } from '../../src/main/engine/model/parse'
import { simulate } from '../../src/main/engine/simulation'
import { design, host, tenant, vm } from './closed-form-designs'

function twoBusyNeighbours(interference: boolean) {
  const h = host(0, { cores: 4, mipsPerCore: 1000, idleW: 100, busyW: 200 })
  h.virtualization = {
    ...h.virtualization,
    overrides: { ...h.virtualization?.overrides, interferenceCoefficient: 0.2 },
  }
  const rates = { basis: 'allocated' as const, vcpuHour: 0, memoryGiBHour: 0, storageGiBMonth: 0 }
  const input = design(
    'two busy neighbours',
    {
      hosts: [h],
      tenants: [tenant('t', rates)],
      workloads: [0, 1].map((i) =>
        vm(i, 't', { vcpus: 1, mipsPerVcpu: 1000, memoryMiB: 1024, diskGiB: 0, percent: 50 }),
      ),
      simulation: { interference },
    },
    { horizonS: 3600, stepS: 300, switchOffIdleHosts: true },
  )
  const parsed = parseDesign(input)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  return parsed.value
}

describe('overall SLA violation, contention only', () => {
  it('leaves out CPU lost to interference, which the CloudSim figure includes', () => {
    const s = simulate(twoBusyNeighbours(true)).summary
    expect(s.overallSlaViolation).toBeCloseTo(25 / 1000, 12)
    expect(s.overallSlaViolationContentionOnly).toBeCloseTo(0, 12)
  })

  it('equals the CloudSim figure without interference', () => {
    const s = simulate(twoBusyNeighbours(false)).summary
    expect(s.overallSlaViolation).toBeCloseTo(0, 12)
    expect(s.overallSlaViolationContentionOnly).toBe(s.overallSlaViolation)
  })
})
