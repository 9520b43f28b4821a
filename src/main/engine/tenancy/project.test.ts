import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseDesign } from '../model/parse'
import type { Design } from '../../../shared/design/schema'
import { createTenantGuard, projectTenantView, type TenancyPlacement } from './index'

function sample(): Design {
  const raw: unknown = JSON.parse(readFileSync('resources/samples/two-hall.strata.json', 'utf8'))
  const parsed = parseDesign(raw)
  if (!parsed.ok) throw new Error('sample does not parse')
  return parsed.value
}

/** Round-robin placement of every instance over the up hosts, in id order. */
function roundRobin(design: Design): TenancyPlacement {
  const hosts = design.hosts.filter((h) => h.state === 'up').map((h) => h.id)
  const placed: TenancyPlacement['placed'][number][] = []
  let n = 0
  for (const w of design.workloads)
    for (let i = 0; i < w.count; i++)
      placed.push({ instanceId: `${w.id}#${i}`, hostId: hosts[n++ % hosts.length] ?? '' })
  return { placed, unplaced: [] }
}

describe('projectTenantView', () => {
  const design = sample()
  const placement = roundRobin(design)

  it('holds only the tenant’s own instances, with pseudonymous zones', () => {
    const result = projectTenantView(design, 't-acme', { placement })
    if (!result.ok) throw new Error('no view')
    const { view } = result
    const own = design.workloads.filter((w) => w.tenantId === 't-acme')
    expect(view.instanceCount).toBe(own.reduce((s, w) => s + w.count, 0))
    expect(view.instances.every((i) => own.some((w) => w.id === i.workloadId))).toBe(true)
    expect(view.zones.map((z) => z.id)).toEqual(view.zones.map((_z, i) => `zone-${i + 1}`))
    expect(view.zones.every((z) => z.hostName === undefined)).toBe(true)
    expect(view.instances.every((i) => i.placement === 'placed' && i.zoneId)).toBe(true)
    expect(view.networks.map((n) => n.id)).toEqual(['net-acme'])
    expect(createTenantGuard(design, 't-acme').findLeaks(view)).toEqual([])
    expect(view.bill.source).toBe('estimate')
    expect(view.bill.total).toBeGreaterThan(0)
  })

  it('shows host names only for the tenant’s own hosts when allowed', () => {
    const tenants = design.tenants.map((t) =>
      t.id === 't-acme' ? { ...t, showHostNames: true } : t,
    )
    const shown = { ...design, tenants }
    const result = projectTenantView(shown, 't-acme', { placement })
    if (!result.ok) throw new Error('no view')
    const ownHosts = new Set(
      placement.placed.filter((p) => p.instanceId.startsWith('w-acme')).map((p) => p.hostId),
    )
    const names = result.view.zones.map((z) => z.hostName)
    expect(names.every((n) => n !== undefined)).toBe(true)
    expect(new Set(names)).toEqual(
      new Set(design.hosts.filter((h) => ownHosts.has(h.id)).map((h) => h.name)),
    )
  })

  it('does not change when another tenant is renamed or grows', () => {
    const before = projectTenantView(design, 't-acme', { placement })
    const others = design.workloads.map((w) =>
      w.tenantId === 't-acme' ? w : { ...w, name: `${w.name} renamed`, count: w.count + 3 },
    )
    const changed = { ...design, workloads: others }
    const after = projectTenantView(changed, 't-acme', {
      placement: roundRobinKeeping(changed, placement),
    })
    expect(JSON.stringify(after)).toBe(JSON.stringify(before))
  })

  it('refuses an unknown tenant without saying which tenants exist', () => {
    expect(projectTenantView(design, 'nobody')).toEqual({ ok: false, reason: 'no-tenant' })
  })

  it('redacts foreign and provider-only names from free text', () => {
    const guard = createTenantGuard(design, 't-acme')
    const other = design.tenants.find((t) => t.id !== 't-acme')
    const host = design.hosts[0]
    if (!other || !host) throw new Error('sample changed')
    const text = `kept off ${host.name}: dedicated to ${other.name}`
    expect(guard.findLeaks({ text }).length).toBeGreaterThan(0)
    const redacted = guard.redact(text)
    expect(guard.findLeaks({ text: redacted })).toEqual([])
    expect(redacted).toContain('another host')
  })
})

/** The same placement for the tenant's own instances; others' new instances go to host 0. */
function roundRobinKeeping(design: Design, base: TenancyPlacement): TenancyPlacement {
  const known = new Map(base.placed.map((p) => [p.instanceId, p.hostId]))
  const first = design.hosts[0]?.id ?? ''
  const placed = design.workloads.flatMap((w) =>
    Array.from({ length: w.count }, (_v, i) => ({
      instanceId: `${w.id}#${i}`,
      hostId: known.get(`${w.id}#${i}`) ?? first,
    })),
  )
  return { placed, unplaced: [] }
}
