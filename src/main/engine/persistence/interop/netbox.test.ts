import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkIntegrity } from '../../model/validate'
import { exportNetboxCsv } from './netbox-export'
import { importNetboxCsv } from './netbox-import'
import type { Design } from '../../../../shared/design/schema'

const fixtures = join(__dirname, '../../../../../test/fixtures/files')
const csv = readFileSync(join(fixtures, 'netbox-devices.csv'), 'utf8')

function imported(text: string): Design {
  const r = importNetboxCsv(text)
  if (!r.ok) throw new Error(r.message + JSON.stringify(r.problems))
  return r.design
}

/** What a NetBox round trip must keep, keyed by names (ids are derived from names). */
function essence(d: Design) {
  const zone = new Map(d.zones.map((z) => [z.id, z.name]))
  const rack = new Map(
    d.racks.map((r) => [r.id, { name: r.name, zone: r.zoneId ? zone.get(r.zoneId) : undefined }]),
  )
  return {
    hosts: d.hosts.map((h) => ({
      ...h,
      id: undefined,
      position: undefined,
      rackId: h.rackId ? rack.get(h.rackId) : undefined,
    })),
    switches: d.switches.map((s) => ({
      ...s,
      id: undefined,
      position: undefined,
      rackId: s.rackId ? rack.get(s.rackId) : undefined,
    })),
  }
}

const sorted = (e: ReturnType<typeof essence>) => ({
  hosts: [...e.hosts].sort((a, b) => a.name.localeCompare(b.name)),
  switches: [...e.switches].sort((a, b) => a.name.localeCompare(b.name)),
})

describe('NetBox device CSV', () => {
  it('maps NetBox export columns to zones, racks, hosts and switches', () => {
    const r = importNetboxCsv(csv)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const d = r.design
    expect(r.counts).toEqual({ zone: 3, rack: 3, host: 5, switch: 2 })
    expect(d.zones.map((z) => z.name)).toEqual([
      'Amsterdam DC1 / Hall 2',
      'Amsterdam DC1 / Hall 3',
      'Lab',
    ])
    const host = (name: string) => d.hosts.find((h) => h.name === name)
    expect(host('ams-esx-01')?.virtualization.product).toBe('esxi')
    expect(host('ams-esx-02')?.state).toBe('down')
    expect(host('ams-kvm-01, spare')).toMatchObject({
      state: 'maintenance',
      virtualization: { product: 'kvm' },
    })
    expect(host('ams-k8s-01')?.virtualization).toEqual({
      kind: 'os',
      product: 'docker',
      hostOs: 'linux',
    })
    expect(host('lab-box-01')?.rackId).toBeUndefined()
    expect(host('lab-box-01')?.virtualization).toMatchObject({
      product: 'freebsd-jails',
      hostOs: 'freebsd',
    })
    expect(d.switches.map((s) => [s.name, s.tier])).toEqual([
      ['ams-tor-01', 'access'],
      ['ams-spine-01', 'core'],
    ])
    // Higher rack units sit higher on the canvas.
    expect((host('ams-esx-02')?.position?.y ?? 0) < (host('ams-esx-01')?.position?.y ?? 0)).toBe(
      true,
    )
    expect(r.warnings).toEqual([
      expect.objectContaining({ path: 'rows[3].role', message: expect.stringContaining('PDU') }),
    ])
    expect(checkIntegrity(d).problems).toEqual([])
  })

  it('round-trips: CSV -> design -> CSV -> design keeps every host and switch', () => {
    const first = imported(csv)
    const out = exportNetboxCsv(first)
    const second = imported(out.contents)
    expect(sorted(essence(second))).toEqual(sorted(essence(first)))
    expect(exportNetboxCsv(second).contents).toBe(out.contents)
  })

  it('round-trips the sample: specs, states, racks and virtualization survive', () => {
    const sample = checkIntegrity(
      JSON.parse(readFileSync(join(fixtures, 'v1-two-hall.strata.json'), 'utf8')),
    ).design as Design
    const out = exportNetboxCsv(sample)
    expect(out.warnings[0]?.message).toContain('workloads')
    const back = imported(out.contents)
    const strip = (d: Design) =>
      essence({
        ...d,
        hosts: d.hosts.map((h) => ({
          ...h,
          mtbfHours: undefined,
          mttrHours: undefined,
          cpuAllocationRatio: undefined,
          memoryAllocationRatio: undefined,
        })),
      })
    const sorted = (e: ReturnType<typeof essence>) => ({
      hosts: [...e.hosts].sort((a, b) => a.name.localeCompare(b.name)),
      switches: [...e.switches].sort((a, b) => a.name.localeCompare(b.name)),
    })
    expect(sorted(strip(back))).toEqual(sorted(strip(sample)))
  })

  it('refuses files that are not a device list, naming where', () => {
    const r = importNetboxCsv('hostname,ip\nx,1.2.3.4\n')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.problems[0]?.path).toBe('header')
    const q = importNetboxCsv('name,role\n"unterminated,server\n')
    expect(!q.ok && q.problems[0]?.message).toContain('line 2')
  })
})
