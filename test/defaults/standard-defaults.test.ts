import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseDesign } from '../../src/main/engine/model/parse'
import { syntheticDatacenter } from '../../src/main/engine/scheduler/synthetic-datacenter'
import { PALETTE } from '../../src/renderer/src/stores/templates'
import {
  defaultSimulationSettings,
  STANDARD_ACCESS_SWITCH,
  standardHost,
} from '../../src/shared/design/defaults'

/** The built-in sample, whose KVM servers the standard host is meant to be. */
const sample = JSON.parse(
  readFileSync(new URL('../../resources/samples/two-hall.strata.json', import.meta.url), 'utf8'),
) as { hosts: Array<Record<string, unknown>> }

const HARDWARE = [
  'sockets',
  'coresPerSocket',
  'mipsPerCore',
  'memoryMiB',
  'diskGiB',
  'nicGbps',
  'cpuExtensions',
  'powerCurveW',
] as const
const hardware = (h: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(HARDWARE.map((k) => [k, h[k]]))

describe('one set of defaults', () => {
  it("the standard host is the sample's KVM server (2 x 16 cores at 2600 MIPS, 256 GiB)", () => {
    const kvm = sample.hosts.find((h) => h.id === 'kvm-1') as Record<string, unknown>
    expect(hardware(standardHost())).toEqual(hardware(kvm))
    expect(standardHost().mipsPerCore).toBe(2600)
  })

  it('the palette and the synthetic datacenter make standard hosts and ToR switches', () => {
    const want = hardware(standardHost())
    for (const item of PALETTE.filter((p) => p.kind === 'host')) {
      const made = item.make('h', { position: { x: 0, y: 0 }, n: 1 })
      expect(hardware(made)).toEqual(want)
    }
    const tor = PALETTE.find((p) => p.key === 'switch-access')?.make('s', {
      position: { x: 0, y: 0 },
      n: 1,
    })
    expect(tor).toMatchObject(STANDARD_ACCESS_SWITCH)
    const synthetic = syntheticDatacenter({ hosts: 3, instances: 3, seed: 5 })
    for (const h of synthetic.hosts) expect(hardware(h)).toEqual(want)
    expect(synthetic.simulation).toEqual({ ...defaultSimulationSettings(), seed: 5 })
  })

  it('a design that states no simulation settings gets the defaults, in a fresh object', () => {
    const a = parseDesign({ schemaVersion: 1, meta: { name: 'a' } })
    const b = parseDesign({ schemaVersion: 1, meta: { name: 'b' } })
    if (!a.ok || !b.ok) throw new Error('an empty design does not validate')
    expect(a.value.simulation).toEqual(defaultSimulationSettings())
    expect(a.value.simulation).not.toBe(b.value.simulation)
    expect(standardHost().powerCurveW).not.toBe(standardHost().powerCurveW)
  })
})
