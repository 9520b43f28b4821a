import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Design, Host, Tenant, Workload } from '../../../shared/design/schema'
import { emptyDesign } from '../model/defaults'
import { checkIntegrity } from '../model/validate'
import { DYNAMIC_FILTERS, FILTERS } from './filters'
import { createScheduler } from './scheduler'

function sample(): Design {
  const raw: unknown = JSON.parse(
    readFileSync(
      new URL('../../../../resources/samples/two-hall.strata.json', import.meta.url),
      'utf8',
    ),
  )
  const { design } = checkIntegrity(raw)
  if (!design) throw new Error('sample does not load')
  return design
}

const PRODUCT = {
  native: 'bare-metal',
  hvm: 'kvm',
  bt: 'qemu-tcg',
  pv: 'xen-pv',
  os: 'lxc',
} as const

function host(id: string, kind: keyof typeof PRODUCT, extra: Partial<Host> = {}): Host {
  return {
    id,
    name: id,
    sockets: 1,
    coresPerSocket: 8,
    mipsPerCore: 2000,
    memoryMiB: 32768,
    diskGiB: 500,
    nicGbps: 10,
    cpuExtensions: 'vt-x',
    powerCurveW: [100, 120, 140, 160, 180, 200, 220, 240, 260, 280, 300],
    state: 'up',
    virtualization: { kind, product: PRODUCT[kind], hostOs: 'linux' },
    ...extra,
  }
}

function tenant(id: string, extra: Partial<Tenant> = {}): Tenant {
  return {
    id,
    name: `Tenant ${id}`,
    colour: '#000000',
    isolation: 'shared',
    quotas: {},
    pricing: {
      basis: 'allocated',
      currency: 'USD',
      vcpuHour: 0,
      memoryGiBHour: 0,
      storageGiBMonth: 0,
    },
    slaAvailabilityPercent: 99.9,
    showHostNames: false,
    ...extra,
  }
}

function workload(id: string, tenantId: string, extra: Partial<Workload> = {}): Workload {
  return {
    id,
    tenantId,
    name: id,
    kind: 'vm',
    count: 1,
    vcpus: 1,
    mipsPerVcpu: 1000,
    memoryMiB: 1024,
    diskGiB: 10,
    guestOs: 'linux',
    paravirtAware: false,
    reservedBandwidthMbps: 0,
    iops: 0,
    affinity: { policy: 'none', scope: 'host' },
    ...extra,
  }
}

function design(hosts: Host[], tenants: Tenant[], workloads: Workload[]): Design {
  // structuredClone: the schema's defaults may share nested objects between designs.
  const d = structuredClone(emptyDesign('test'))
  d.hosts = hosts
  d.tenants = tenants
  d.workloads = workloads
  return d
}

describe('the pipeline', () => {
  it('runs the filters in the documented order (Placer.verdict calls the dynamic ones in it)', () => {
    expect(FILTERS.map((f) => f.name)).toEqual([
      'quota',
      'host-state',
      'virtualization',
      'isolation',
      'affinity',
      'compute',
      'storage',
      'network',
    ])
    expect(DYNAMIC_FILTERS.map((f) => f.name)).toEqual([
      'host-state',
      'isolation',
      'affinity',
      'compute',
      'storage',
      'network',
    ])
  })
})

describe('scheduler on the two-hall sample', () => {
  it('places what fits and explains each refusal with counts over all 13 hosts', () => {
    const r = createScheduler(sample(), { preset: 'spread' }).placeAll()
    // 35 instances on hosts + Globex's 8 job containers in its HPC VMs (issue 18)
    expect(r.placed.length + r.unplaced.length).toBe(43)
    expect(r.placed.length).toBeGreaterThan(25)
    for (const u of r.unplaced) {
      expect(u.reasons.reduce((n, x) => n + x.count, 0)).toBe(13)
      expect(u.summary).toMatch(/^none of 13 hosts can take it: /)
    }
    // Globex wants dedicated hosts: nobody else shares its hosts.
    const byHost = new Map<string, Set<string>>()
    for (const p of r.placed)
      byHost.set(p.hostId, (byHost.get(p.hostId) ?? new Set()).add(p.tenantId))
    for (const tenants of byHost.values()) if (tenants.has('t-globex')) expect(tenants.size).toBe(1)
  })

  it('tells a tenant why without naming another tenant or hidden hosts', () => {
    const d = sample()
    const s = createScheduler(d, { preset: 'spread' })
    const r = s.placeAll()
    const refused = r.unplaced.find((u) => u.tenantId === 't-acme')
    expect(refused).toBeDefined()
    const id = refused?.instanceId as string
    const provider = s.explain(id)
    expect(provider?.summary).toContain('dedicated to Globex Research')
    const safe = s.explain(id, { tenantId: 't-acme' })
    const text = JSON.stringify(safe)
    expect(text).toContain('dedicated to another tenant')
    for (const other of d.tenants.filter((t) => t.id !== 't-acme')) {
      expect(text).not.toContain(other.id)
      expect(text).not.toContain(other.name)
    }
    // Host counts are provider data: a tenant sees the reasons, not how many hosts each covers.
    expect(provider?.rejections.reduce((n, x) => n + x.count, 0)).toBe(13)
    expect(safe?.hostCount).toBeUndefined()
    expect(safe?.feasibleCount).toBeUndefined()
    expect(safe?.rejections).toEqual([])
    expect(safe?.reasons).toContain('dedicated to another tenant')
    expect(safe?.summary).toMatch(/^not placed: /)
    expect(safe?.summary).not.toMatch(/\d/)
    // Acme may not see host names: placed explanations use pseudonyms.
    const placed = r.placed.find((p) => p.tenantId === 't-acme')?.instanceId as string
    const placedSafe = JSON.stringify(s.explain(placed, { tenantId: 't-acme' }))
    for (const h of d.hosts) expect(placedSafe).not.toContain(`"${h.id}"`)
    expect(s.explain(placed, { tenantId: 't-initech' })).toBeUndefined()
    // Globex may see its hosts.
    const globex = r.placed.find((p) => p.tenantId === 't-globex')
    const globexView = s.explain(globex?.instanceId as string, { tenantId: 't-globex' })
    expect(globexView?.hostId).toBe(globex?.hostId)
    // ... but not the hosts it does not run on.
    const globexHosts = new Set(
      r.placed.filter((p) => p.tenantId === 't-globex').map((p) => p.hostId),
    )
    for (const c of globexView?.candidates ?? [])
      expect(globexHosts.has(c.hostId) || /^host \d+$/.test(c.hostId)).toBe(true)
    expect(globexView?.candidates.some((c) => /^host \d+$/.test(c.hostId))).toBe(true)
  })

  it('explains a placed instance with its host first and the best alternatives', () => {
    const s = createScheduler(sample(), { preset: 'spread' })
    const r = s.placeAll()
    const p = r.placed[0]
    const e = s.explain(p?.instanceId as string)
    expect(e?.placed).toBe(true)
    expect(e?.candidates[0]?.hostId).toBe(p?.hostId)
    expect(e?.candidates.length).toBeGreaterThan(1)
    expect(e?.summary).toContain(`placed on ${p?.hostId}`)
  })
})

describe('virtualization rules in explanations', () => {
  it('names each rule with its count', () => {
    const hosts = [
      host('lxc', 'os'),
      host('xen', 'pv'),
      host('kvm-old', 'hvm', { cpuExtensions: 'none' }),
    ]
    const d = design(
      hosts,
      [tenant('t')],
      [
        workload('win-ct', 't', { kind: 'container', guestOs: 'windows' }),
        workload('win-vm', 't', { guestOs: 'windows' }),
      ],
    )
    const s = createScheduler(d)
    const r = s.placeAll()
    expect(r.placed).toEqual([])
    // No host lacked room: fairness cannot help, so the stable order stands.
    expect(r.order).toBe('stable')
    const ct = r.unplaced.find((u) => u.instanceId === 'win-ct#0')
    expect(ct?.summary).toBe(
      'none of 3 hosts can take it: 2 hosts: hypervisor host (containers need OS-level virtualization); 1 host: linux container host (guest needs windows)',
    )
    const vm = r.unplaced.find((u) => u.instanceId === 'win-vm#0')
    expect(vm?.reasons).toEqual(
      expect.arrayContaining([
        {
          filter: 'virtualization',
          reason: 'container-only host (VMs need a hypervisor)',
          count: 1,
        },
        { filter: 'virtualization', reason: 'need a paravirtualization-aware guest', count: 1 },
        {
          filter: 'virtualization',
          reason: 'no VT-x/AMD-V for hardware-assisted virtualization',
          count: 1,
        },
      ]),
    )
  })

  it('gives a bare-metal host to one instance only', () => {
    const d = design([host('metal', 'native')], [tenant('t')], [workload('w', 't', { count: 2 })])
    const s = createScheduler(d)
    const r = s.placeAll()
    expect(r.placed.map((p) => p.hostId)).toEqual(['metal'])
    expect(r.unplaced[0]?.summary).toBe(
      'none of 1 host can take it: 1 host: bare-metal host already in use',
    )
    expect(r.hostUsage[0]?.vcpusUsed).toBe(r.hostUsage[0]?.vcpusAllocatable)
  })
})

describe('batch placement', () => {
  it('packs onto fewer hosts than it spreads', () => {
    const hosts = ['a', 'b', 'c', 'd'].map((id) => host(id, 'hvm'))
    const d = design(hosts, [tenant('t')], [workload('w', 't', { count: 6 })])
    const used = (preset: 'spread' | 'pack' | 'power') =>
      new Set(
        createScheduler(d, { preset })
          .placeAll()
          .placed.map((p) => p.hostId),
      ).size
    expect(used('spread')).toBe(4)
    expect(used('pack')).toBe(1)
    expect(used('power')).toBe(1)
  })

  it('serves tenants fairly (DRF) when capacity runs short', () => {
    // 8 cores x ratio 1 = 8 vCPUs; each instance takes 1.05 with the HVM overhead: 7 fit.
    const d = design(
      [host('h', 'hvm', { cpuAllocationRatio: 1 })],
      [tenant('a'), tenant('b')],
      [workload('a-big', 'a', { count: 8 }), workload('b-small', 'b', { count: 8 })],
    )
    const r = createScheduler(d).placeAll()
    expect(r.order).toBe('drf')
    const per = (t: string) => r.placed.filter((p) => p.tenantId === t).length
    expect(per('a') + per('b')).toBe(7)
    expect(Math.abs(per('a') - per('b'))).toBeLessThanOrEqual(1)
    expect(r.unplaced[0]?.summary).toBe('none of 1 host can take it: 1 host: insufficient vCPU')
  })

  it('refuses past the tenant quota with a reason that counts every host', () => {
    const d = design(
      ['a', 'b'].map((id) => host(id, 'hvm')),
      [tenant('t', { quotas: { instances: 1 } })],
      [workload('w', 't', { count: 2 })],
    )
    const r = createScheduler(d).placeAll()
    expect(r.placed).toHaveLength(1)
    expect(r.unplaced[0]?.summary).toBe(
      'none of 2 hosts can take it: 2 hosts: tenant quota reached: instances (1)',
    )
  })

  it('uses the design weights, and rejects unknown weigher names clearly', () => {
    const d = design(
      ['a', 'b'].map((id) => host(id, 'hvm')),
      [tenant('t')],
      [workload('w', 't', { count: 2 })],
    )
    d.simulation.placement.weights = { pack: 2 }
    const s = createScheduler(d)
    expect(s.weights).toEqual({ pack: 2 })
    expect(new Set(s.placeAll().placed.map((p) => p.hostId)).size).toBe(1)
    d.simulation.placement.weights = { packk: 1 }
    expect(() => createScheduler(d)).toThrow(
      /unknown weigher "packk" in simulation.placement.weights/,
    )
  })
})

describe('one instance at a time', () => {
  it('re-admits the whole rack once the other tenant leaves it (dedicated racks)', () => {
    const d = design(
      [
        host('a', 'hvm', { rackId: 'r0' }),
        host('b', 'hvm', { rackId: 'r0', coresPerSocket: 32, memoryMiB: 131072 }),
      ],
      [tenant('a-s'), tenant('b-d', { isolation: 'dedicated-racks' })],
      [workload('a-shared', 'a-s'), workload('z-dedicated', 'b-d')],
    )
    d.racks = [{ id: 'r0', name: 'r0', uplinkOversubscription: 1 }]
    const s = createScheduler(d)
    expect(s.placeInstance('a-shared#0', { excludeHostIds: ['b'] })).toEqual({
      ok: true,
      hostId: 'a',
    })
    const refused = s.placeInstance('z-dedicated#0')
    expect(refused.ok).toBe(false)
    if (!refused.ok)
      expect(refused.explanation.summary).toBe(
        'none of 2 hosts can take it: 2 hosts: rack in use by another tenant (dedicated racks needed)',
      )
    s.remove('a-shared#0')
    expect(s.placeInstance('z-dedicated#0')).toEqual({ ok: true, hostId: 'b' })
  })

  it("never hides a host from a workload because of another workload's anti-affinity", () => {
    // Same flavor, so both workloads share one search tree; only w-anti avoids its rack.
    const d = design(
      ['a', 'b'].map((id) => host(id, 'hvm', { rackId: 'r0' })),
      [tenant('t')],
      [
        workload('w-anti', 't', { affinity: { policy: 'anti-affinity', scope: 'rack' } }),
        workload('w-free', 't'),
      ],
    )
    d.racks = [{ id: 'r0', name: 'r0', uplinkOversubscription: 1 }]
    const s = createScheduler(d, { preset: 'spread' })
    expect(s.placeInstance('w-anti#0')).toEqual({ ok: true, hostId: 'a' })
    expect(s.placeInstance('w-free#0')).toEqual({ ok: true, hostId: 'b' })
  })

  it('honours exclusions, removal, host states and dry-run evacuations', () => {
    const d = design(
      ['a', 'b', 'c'].map((id) => host(id, 'hvm')),
      [tenant('t')],
      [workload('w', 't', { count: 2 })],
    )
    const s = createScheduler(d)
    expect(s.placeInstance('w#0', { excludeHostIds: ['a'] })).toEqual({ ok: true, hostId: 'b' })
    expect(s.placeInstance('w#0')).toEqual({ ok: true, hostId: 'b' })
    s.setHostState('a', 'maintenance')
    expect(s.placeInstance('w#1')).toEqual({ ok: true, hostId: 'c' })
    const dry = s.evacuate('b', { dryRun: true })
    expect(dry.moves).toEqual([{ instanceId: 'w#0', fromHostId: 'b', toHostId: 'c' }])
    expect(s.assignments().get('w#0')).toBe('b')
    s.setHostState('c', 'down')
    const plan = s.evacuate('b')
    expect(plan.moves).toEqual([])
    expect(plan.stranded[0]?.explanation.summary).toBe(
      'none of 3 hosts can take it: 1 host: host down; 1 host: host excluded (being drained); 1 host: host in maintenance',
    )
    expect(s.assignments().has('w#0')).toBe(false)
    expect(s.remove('w#1')).toBe(true)
    expect(s.remove('w#1')).toBe(false)
    expect(() => s.placeInstance('nope#0')).toThrow(/unknown instance "nope#0"/)
  })
})
