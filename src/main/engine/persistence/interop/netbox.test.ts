import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { checkIntegrity } from '../../model/validate'
import { exportNetboxCsv } from './netbox-export'
import { importNetboxCsv } from './netbox-import'
import { classifyRole, headerKey } from './netbox-columns'
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
    storage: d.storage.map((s) => ({
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
  storage: [...e.storage].sort((a, b) => a.name.localeCompare(b.name)),
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
    expect(sample.storage.length).toBeGreaterThan(0)
    expect(sorted(strip(back))).toEqual(sorted(strip(sample)))
  })

  it('refuses files that are not a device list, naming where', () => {
    const r = importNetboxCsv('hostname,ip\nx,1.2.3.4\n')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.problems[0]?.path).toBe('header')
    const q = importNetboxCsv('name,role\n"unterminated,server\n')
    expect(!q.ok && q.problems[0]?.message).toContain('line 2')
    const late = importNetboxCsv('name,role\n"two\nlines",server\n\nx,"open\n')
    expect(!late.ok && late.problems[0]?.message).toContain('line 5')
  })
})

const cases = join(__dirname, '../../../../../test/fixtures/cases/netbox')
const caseCsv = (name: string) => readFileSync(join(cases, name), 'utf8')

describe('NetBox: reported cases', () => {
  it('position-u-header: "Position (U)" is the rack unit; U40 is drawn above U1', () => {
    const d = imported(caseCsv('position-u-header.csv'))
    const y = (name: string) => d.hosts.find((h) => h.name === name)?.position?.y ?? NaN
    expect(y('compute-high')).toBeLessThan(y('compute-low'))
    const reversed = imported(
      'Name,Role,Rack,Position (U)\ncompute-high,Server,R1,40.0\ncompute-low,Server,R1,1.0\n',
    )
    const y2 = (name: string) => reversed.hosts.find((h) => h.name === name)?.position?.y ?? NaN
    expect(y2('compute-high')).toBeLessThan(y2('compute-low'))
  })

  it('console-server: skipped with a warning naming the device, not made a host', () => {
    const r = importNetboxCsv(caseCsv('console-server.csv'))
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.design.hosts).toEqual([])
    expect(r.warnings).toEqual([
      expect.objectContaining({
        path: 'rows[0].role',
        message: expect.stringContaining('"cons-01"'),
      }),
    ])
  })

  it('formula-name: the export keeps "=1+1" exact and warns about it', () => {
    const d = imported(caseCsv('formula-name.csv'))
    expect(d.hosts.map((h) => h.name)).toEqual(['=1+1', 'node-ü'])
    const out = exportNetboxCsv(d)
    expect(out.contents.split('\r\n')[1]?.startsWith('=1+1,server,')).toBe(true)
    expect(out.warnings.filter((w) => w.message.includes('formula'))).toEqual([
      expect.objectContaining({
        path: 'hosts[0].name',
        message: expect.stringContaining('"=1+1"'),
      }),
    ])
    expect(imported(out.contents).hosts.map((h) => h.name)).toEqual(['=1+1', 'node-ü'])
  })
})

describe('NetBox: roles and header spellings', () => {
  it.each<[string, string]>([
    ['Server', 'host'],
    ['Compute', 'host'],
    ['Hypervisor', 'host'],
    ['KVM Host', 'host'],
    ['Blade', 'host'],
    ['Access Switch', 'switch:access'],
    ['Leaf', 'switch:access'],
    ['Top of Rack', 'switch:access'],
    ['Aggregation Switch', 'switch:aggregation'],
    ['Distribution', 'switch:aggregation'],
    ['Spine', 'switch:core'],
    ['Core Router', 'switch:core'],
    ['Storage', 'storage'],
    ['SAN', 'storage'],
    ['NAS Filer', 'storage'],
    ['Console Server', 'skip'],
    ['Terminal Server', 'skip'],
    ['KVM Switch', 'skip'],
    ['Access Point', 'skip'],
    ['Wireless AP', 'skip'],
    ['PDU', 'skip'],
    ['Power Distribution Unit', 'skip'],
    ['Patch Panel', 'skip'],
    ['Cable Management', 'skip'],
    ['UPS', 'skip'],
    ['Firewall', 'skip'],
    ['Load Balancer', 'skip'],
    ['', 'skip'],
  ])('role %j -> %s', (role, expected) => {
    const c = classifyRole(role)
    expect(c.kind === 'switch' ? `switch:${c.tier}` : c.kind).toBe(expected)
  })

  it.each<[string, string]>([
    ['Position (U)', 'position'],
    ['Position', 'position'],
    ['position', 'position'],
    ['Device type', 'device_type'],
    ['Device Type', 'device_type'],
    ['Type', 'device_type'],
    ['device_type', 'device_type'],
    ['Role', 'role'],
    ['Device Role', 'role'],
    ['device_role', 'role'],
    ['Rack', 'rack'],
    ['Site', 'site'],
    ['Serial number', 'serial'],
    ['Rack face', 'face'],
    ['cf_memory_mib', 'cf_memory_mib'],
  ])('header %j is %s', (header, key) => {
    expect(headerKey(header)).toBe(key)
  })

  it("reads NetBox 4's table export (its column titles) and its bulk-import columns alike", () => {
    const table = readFileSync(join(fixtures, 'netbox-table-export.csv'), 'utf8')
    const r = importNetboxCsv(table)
    if (!r.ok) throw new Error(r.message)
    expect(r.counts).toEqual({ zone: 1, rack: 1, host: 2, switch: 1, storage: 1 })
    expect(r.design.storage[0]).toMatchObject({ name: 'ams-san-01', kind: 'san' })
    const order = [...r.design.hosts, ...r.design.switches, ...r.design.storage]
      .sort((a, b) => (a.position?.y ?? 0) - (b.position?.y ?? 0))
      .map((d) => d.name)
    expect(order).toEqual(['ams-tor-01', 'ams-hv-02', 'ams-hv-01', 'ams-san-01'])
    expect(r.warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('"ams-con-01"'),
      expect.stringContaining('"ams-pdu-a"'),
    ])
    const bulk = importNetboxCsv(
      'name,device_role,device_type,site,rack,position,face,status\nn1,Server,R750,DC1,R1,7,front,active\n',
    )
    expect(bulk.ok && bulk.design.hosts[0]?.name).toBe('n1')
  })

  it('export positions fit a 42U rack from the top and never go below U1', () => {
    const many = imported(
      'name,role,rack\n' + Array.from({ length: 30 }, (_, i) => `h${i},server,R1`).join('\n'),
    )
    const out = Papa.parse<Record<string, string>>(exportNetboxCsv(many).contents, {
      header: true,
      skipEmptyLines: true,
    }).data
    const units = out.map((row) => Number(row.position))
    expect(Math.min(...units)).toBe(1)
    expect(Math.max(...units)).toBe(30)
    expect(new Set(units).size).toBe(30)
  })
})

describe('NetBox round trip (property)', () => {
  // (names hold no line breaks since review s11 #5: the schema refuses control characters)
  it('keeps names (quotes, commas, formula-like), specs and rack order of any hosts', () => {
    const sample = checkIntegrity(
      JSON.parse(readFileSync(join(fixtures, 'v1-two-hall.strata.json'), 'utf8')),
    ).design as Design
    const base = sample.hosts[0] as Design['hosts'][number]
    const name = fc
      .string({
        minLength: 1,
        maxLength: 12,
        unit: fc.constantFrom('a', 'Z', '0', ',', '"', '=', '+', ' ', 'ü', '-'),
      })
      .filter((s) => s.trim() !== '')
    fc.assert(
      fc.property(
        fc.uniqueArray(name, { minLength: 1, maxLength: 6, selector: (s) => s.trim() }),
        fc.integer({ min: 1, max: 256 }),
        fc.integer({ min: 1, max: 4 * 1024 * 1024 }),
        (names, cores, memoryMiB) => {
          const hosts = names.map((n, i) => ({
            ...base,
            id: `h${i}`,
            name: n.trim(),
            rackId: sample.racks[0]?.id,
            coresPerSocket: cores,
            memoryMiB,
            position: { x: 0, y: i * 60 },
          }))
          const design = {
            ...sample,
            hosts,
            switches: [],
            storage: [],
            links: [],
            workloads: [],
            traces: [],
          }
          const back = imported(exportNetboxCsv(design).contents)
          const order = [...back.hosts].sort((a, b) => (a.position?.y ?? 0) - (b.position?.y ?? 0))
          expect(order.map((h) => [h.name, h.coresPerSocket, h.memoryMiB])).toEqual(
            hosts.map((h) => [h.name, cores, memoryMiB]),
          )
        },
      ),
      { numRuns: 150 },
    )
  })
})
