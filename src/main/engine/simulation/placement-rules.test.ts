/**
 * Consolidation moves instances only to hosts the scheduler would allow: the right
 * virtualization for the guest, tenant isolation and anti-affinity intact.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Design } from '../../../shared/design/schema'
import { parseDesign } from '../model/parse'
import { acceptsGuest } from '../virtualization'
import { simulate } from './simulation'

function sample(policy: string): Design {
  const raw = JSON.parse(readFileSync('resources/samples/two-hall.strata.json', 'utf8')) as {
    simulation: Record<string, unknown>
  }
  raw.simulation = {
    ...raw.simulation,
    policy,
    horizonS: 6 * 3600,
    failures: { mode: 'none', schedule: [] },
  }
  const parsed = parseDesign(raw)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  return parsed.value
}

describe('placement rules in consolidation', () => {
  for (const policy of ['thr-mmt-0.8', 'mad-mmt-2.5']) {
    it(`${policy}: every migration target accepts the guest and keeps isolation`, () => {
      const d = sample(policy)
      const result = simulate(d)
      expect(result.migrations.length).toBeGreaterThan(0)
      const hosts = new Map(d.hosts.map((h) => [h.id, h]))
      const workloads = new Map(d.workloads.map((w) => [w.id, w]))
      const tenants = new Map(d.tenants.map((t) => [t.id, t]))
      for (const m of result.migrations) {
        const w = workloads.get(m.instanceId.split('#')[0] as string)
        const host = hosts.get(m.toHostId)
        expect(w && host, m.instanceId).toBeTruthy()
        if (!w || !host) continue
        expect(acceptsGuest(host, w).ok, `${m.instanceId} -> ${m.toHostId}`).toBe(true)
      }
      // Dedicated-host tenants never share a host with anyone at the end of the run.
      const byHost = new Map<string, Set<string>>()
      for (const i of result.instances) {
        if (!i.finalHostId) continue
        byHost.set(i.finalHostId, (byHost.get(i.finalHostId) ?? new Set()).add(i.tenantId))
      }
      for (const [hostId, set] of byHost) {
        const dedicated = [...set].some((t) => tenants.get(t)?.isolation === 'dedicated-hosts')
        if (dedicated) expect(set.size, hostId).toBe(1)
      }
    })
  }
})
