/**
 * A NetBox (or OpenDC) import merged into the open design keeps everything it does not
 * replace (review s11 #3): the merge only adds. Before, a merge dropped every element of the
 * imported file that was not a zone, rack, switch or host: its storage systems were lost.
 */
import { describe, expect, it } from 'vitest'
import { makeApp } from '../files/helpers'

const CSV = [
  'name,role,site,rack,position,cf_capacity_gib',
  'srv-1,server,DC,R9,10,',
  'san-1,SAN,DC,R9,20,2048',
  'tor-1,access switch,DC,R9,30,',
].join('\n')

describe('a NetBox merge into a design with storage', () => {
  it('keeps every element of the open design, and adds the file’s storage too', async () => {
    const app = makeApp()
    expect((await app.call('design:open-sample', { name: 'two-hall' })).ok).toBe(true)
    const before = app.ctx.design.design
    expect(before.storage.length).toBeGreaterThan(0)
    const r = await app.call<{ counts: Record<string, number> }>('files:import', {
      format: 'netbox-csv',
      contents: CSV,
      mode: 'merge',
    })
    expect(r.ok).toBe(true)
    const after = app.ctx.design.design
    // every element of the open design survives unchanged
    for (const key of [
      'zones',
      'racks',
      'hosts',
      'switches',
      'links',
      'storage',
      'tenants',
      'networks',
      'workloads',
      'traces',
    ] as const)
      for (const element of before[key])
        expect([key, after[key].find((e) => e.id === element.id)]).toEqual([key, element])
    // and the file's elements are added: 1 zone, 1 rack, 1 host, 1 switch, 1 storage system
    expect(after.hosts.length - before.hosts.length).toBe(1)
    expect(after.switches.length - before.switches.length).toBe(1)
    expect(after.storage.length - before.storage.length).toBe(1)
    const san = after.storage.find((s) => s.name === 'san-1')
    expect(san?.capacityGiB).toBe(2048)
    // in the file's rack, under its new id
    const rack = after.racks.find((k) => k.name === 'R9')
    expect(san?.rackId).toBe(rack?.id)
  })
})
