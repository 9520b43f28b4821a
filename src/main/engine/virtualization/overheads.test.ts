import { describe, expect, it } from 'vitest'
import type { Host } from '../../../shared/design/schema'
import { KIND_DEFAULTS } from './kinds'
import { effectiveVcpuMilli, memoryOverheadMiB, overheadsFor } from './overheads'

const host = (
  kind: Host['virtualization']['kind'],
  overrides?: Host['virtualization']['overrides'],
): Host => ({
  id: `h-${kind}`,
  name: kind,
  sockets: 2,
  coresPerSocket: 8,
  mipsPerCore: 2000,
  memoryMiB: 65536,
  diskGiB: 500,
  nicGbps: 10,
  cpuExtensions: 'vt-x',
  powerCurveW: [100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200],
  state: 'up',
  virtualization: {
    kind,
    product: kind === 'hvm' ? 'kvm' : kind === 'bt' ? 'qemu-tcg' : 'xen-pv',
    hostOs: 'linux',
    ...(overrides ? { overrides } : {}),
  },
})

describe('overheadsFor', () => {
  it('uses the kind defaults when the host overrides nothing', () => {
    const o = overheadsFor(host('hvm'))
    expect(o.kind).toBe('hvm')
    expect(o.cpuOverheadPercent).toBe(KIND_DEFAULTS.hvm.cpuOverheadPercent)
    expect(o.reservedMemoryMiB).toBe(2048)
    expect(o.diskThroughputFactor).toBeCloseTo(0.9)
  })

  it('reproduces the published memory overhead examples', () => {
    // VMware's table: 2 vCPUs, 4 GiB -> 52.72 MB; the fitted formula gives 52.72 MiB, rounded up.
    expect(memoryOverheadMiB(overheadsFor(host('hvm')), 2, 4096)).toBe(53)
    // ESX Server 3 rule: 1 vCPU, 2 GiB -> about 102 MB.
    expect(memoryOverheadMiB(overheadsFor(host('bt')), 1, 2048)).toBe(102)
    // ... and 54 MB below 512 MiB.
    expect(memoryOverheadMiB(overheadsFor(host('bt')), 1, 256)).toBe(54)
  })

  it('applies host overrides on top of the defaults', () => {
    const o = overheadsFor(
      host('pv', {
        cpuOverheadPercent: 12,
        memoryOverheadPerInstanceMiB: 64,
        memoryOverheadPercent: 1,
        reservedMemoryMiB: 4096,
        ioOverheadPercent: 20,
        startTimeS: 2,
        interferenceCoefficient: 0.5,
      }),
    )
    expect(o.cpuOverheadPercent).toBe(12)
    expect(memoryOverheadMiB(o, 4, 1000)).toBe(74)
    expect(o.reservedMemoryMiB).toBe(4096)
    expect(o.networkThroughputFactor).toBeCloseTo(0.8)
    expect(o.diskThroughputFactor).toBeCloseTo(0.8)
    expect(o.startTimeS).toBe(2)
    expect(o.interferenceCoefficient).toBe(0.5)
    expect(o.maxInstancesPerHost).toBe(KIND_DEFAULTS.pv.maxInstancesPerHost)
  })

  it('charges CPU overhead in whole milli-vCPUs without rounding noise', () => {
    expect(effectiveVcpuMilli(overheadsFor(host('hvm')), 2)).toBe(2100)
    expect(effectiveVcpuMilli(overheadsFor(host('pv')), 3)).toBe(3090)
  })

  it('ranks isolation from containers (least) to bare metal (most)', () => {
    expect(KIND_DEFAULTS.os.isolationScore).toBeLessThan(KIND_DEFAULTS.pv.isolationScore)
    expect(KIND_DEFAULTS.pv.isolationScore).toBeLessThanOrEqual(KIND_DEFAULTS.hvm.isolationScore)
    expect(KIND_DEFAULTS.hvm.isolationScore).toBeLessThan(KIND_DEFAULTS.native.isolationScore)
  })
})
