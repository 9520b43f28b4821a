/**
 * Property tests over random designs: whatever the design, the placement never breaks a
 * capacity, isolation, affinity, quota, storage or network rule; every refusal's counts add up
 * to the host count; the indexed search picks the same host as an exhaustive one; and the same
 * design and seed give the same placement.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Design } from '../../../shared/design/schema'
import { acceptsGuest, overheadsFor } from '../virtualization'
import { hostCapacity, instanceDemand } from './capacity'
import { designArb } from '../../../../test/support/engine/random-design'
import { createScheduler } from './scheduler'
import type { SchedulerOptions } from './types'
import { rackUplinkMbps } from './topology'
import { PRESET_WEIGHTS } from './weighers'

const PRESETS = ['spread', 'pack', 'power'] as const
/** Presets and mixed signed weights, locality included (which gives each group its own tree). */
const OPTIONS: SchedulerOptions[] = [
  ...PRESETS.map((preset) => ({ preset })),
  { weights: { spread: 1, locality: 0.7 } },
  { weights: { pack: 1, power: 0.5, locality: 1 } },
  { weights: { spread: -1, power: 2 } },
]
const EPS = 1e-6

/** Checks every rule on `design`'s placement `assign` (instance id -> host id); throws on a breach. */
function checkRules(design: Design, assign: ReadonlyMap<string, string>): void {
  const hosts = new Map(design.hosts.map((h) => [h.id, h]))
  const racks = new Map(design.racks.map((r) => [r.id, r]))
  const tenants = new Map(design.tenants.map((t) => [t.id, t]))
  const use = new Map<string, { vcpu: number; mem: number; disk: number; n: number; bw: number }>()
  const hostTenants = new Map<string, Set<string>>()
  const rackTenants = new Map<string, Set<string>>()
  const tenantUse = new Map<string, { n: number; vcpus: number }>()
  const storageUse = new Map<string, number>()
  const rackBw = new Map<string, number>()
  for (const w of design.workloads) {
    const groupHosts = new Set<string>()
    const groupRacks = new Set<string>()
    let placed = 0
    for (let i = 0; i < w.count; i++) {
      const hostId = assign.get(`${w.id}#${i}`)
      if (hostId === undefined) continue
      placed++
      const h = hosts.get(hostId)
      if (!h) throw new Error(`unknown host ${hostId}`)
      expect(h.state).toBe('up')
      expect(acceptsGuest(h, w).ok).toBe(true)
      const o = overheadsFor(h)
      const cap = hostCapacity(h, h.rackId ? racks.get(h.rackId) : undefined, o)
      const d = instanceDemand(w, o, cap, {
        vcpuMilli: 0,
        memoryMiB: 0,
        diskGiB: 0,
        mips: 0,
        bandwidthMbps: 0,
      })
      const u = use.get(hostId) ?? { vcpu: 0, mem: 0, disk: 0, n: 0, bw: 0 }
      u.vcpu += d.vcpuMilli
      u.mem += d.memoryMiB
      u.disk += d.diskGiB
      u.n++
      u.bw += w.bandwidthMbps
      use.set(hostId, u)
      expect(u.vcpu).toBeLessThanOrEqual(cap.vcpuMilli)
      expect(u.mem).toBeLessThanOrEqual(cap.memoryMiB)
      expect(u.disk).toBeLessThanOrEqual(cap.diskGiB + EPS)
      expect(u.n).toBeLessThanOrEqual(cap.maxInstances)
      expect(u.bw).toBeLessThanOrEqual(cap.nicMbps + EPS)
      if (h.rackId) rackBw.set(h.rackId, (rackBw.get(h.rackId) ?? 0) + w.bandwidthMbps)
      const ht = hostTenants.get(hostId) ?? new Set()
      ht.add(w.tenantId)
      hostTenants.set(hostId, ht)
      const rackKey = h.rackId ?? `host:${hostId}`
      const rt = rackTenants.get(rackKey) ?? new Set()
      rt.add(w.tenantId)
      rackTenants.set(rackKey, rt)
      const t = tenantUse.get(w.tenantId) ?? { n: 0, vcpus: 0 }
      t.n++
      t.vcpus += w.vcpus
      tenantUse.set(w.tenantId, t)
      if (w.affinity.policy === 'anti-affinity') {
        if (w.affinity.scope === 'rack') {
          expect(groupRacks.has(rackKey)).toBe(false)
        } else expect(groupHosts.has(hostId)).toBe(false)
      }
      groupHosts.add(hostId)
      groupRacks.add(rackKey)
    }
    if (w.affinity.policy === 'affinity' && placed > 0) {
      if (w.affinity.scope === 'rack') expect(groupRacks.size).toBe(1)
      else expect(groupHosts.size).toBe(1)
    }
    if (w.storageClass)
      storageUse.set(w.storageClass, (storageUse.get(w.storageClass) ?? 0) + placed * w.diskGiB)
  }
  for (const set of hostTenants.values())
    for (const t of set) if (tenants.get(t)?.isolation !== 'shared') expect(set.size).toBe(1)
  for (const set of rackTenants.values())
    for (const t of set)
      if (tenants.get(t)?.isolation === 'dedicated-racks') expect(set.size).toBe(1)
  for (const [id, t] of tenantUse) {
    const q = tenants.get(id)?.quotas
    if (q?.instances !== undefined) expect(t.n).toBeLessThanOrEqual(q.instances)
    if (q?.vcpus !== undefined) expect(t.vcpus).toBeLessThanOrEqual(q.vcpus)
  }
  const nicByRack = design.racks.map((r) =>
    design.hosts.filter((h) => h.rackId === r.id).reduce((n, h) => n + h.nicGbps * 1000, 0),
  )
  const budget = rackUplinkMbps(
    design,
    design.racks.map((r) => r.id),
    nicByRack,
  )
  design.racks.forEach((r, i) =>
    expect(rackBw.get(r.id) ?? 0).toBeLessThanOrEqual((budget[i] ?? 0) + EPS),
  )
  // Raw storage used per class never exceeds what every system serving it holds together.
  for (const [cls, gib] of storageUse) {
    const total = design.storage
      .filter((s) => s.classes.includes(cls))
      .reduce((n, s) => n + s.capacityGiB, 0)
    expect(gib).toBeLessThanOrEqual(total + EPS)
  }
}

describe('scheduler properties over random designs', () => {
  it('never breaks capacity, isolation, affinity, quota or network rules', () => {
    fc.assert(
      fc.property(designArb, fc.constantFrom(...OPTIONS), (design, options) => {
        const s = createScheduler(design, options)
        s.placeAll()
        checkRules(design, s.assignments())
      }),
      { numRuns: 300 },
    )
  })

  it('explains every refusal with counts that add up to the host count', () => {
    fc.assert(
      fc.property(designArb, fc.constantFrom(...OPTIONS), (design, options) => {
        const r = createScheduler(design, options).placeAll()
        expect(r.placed.length + r.unplaced.length).toBe(r.instanceCount)
        for (const u of r.unplaced) {
          expect(u.reasons.reduce((n, x) => n + x.count, 0)).toBe(design.hosts.length)
          expect(u.summary.startsWith(`none of ${design.hosts.length} host`)).toBe(true)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('picks, one instance at a time, the host an exhaustive search ranks first', () => {
    fc.assert(
      fc.property(
        designArb,
        fc.constantFrom(...OPTIONS),
        fc.integer({ min: 0, max: 3 }),
        (design, options, seed) => {
          const s = createScheduler(design, { ...options, seed })
          for (const w of design.workloads) {
            for (let i = 0; i < w.count; i++) {
              const id = `${w.id}#${i}`
              const before = s.explain(id)
              const out = s.placeInstance(id)
              if (!before) throw new Error('no explanation')
              expect(before.placed).toBe(false)
              if (out.ok) expect(out.hostId).toBe(before.candidates[0]?.hostId)
              else expect(before.feasibleCount).toBe(0)
            }
          }
          checkRules(design, s.assignments())
        },
      ),
      { numRuns: 600 },
    )
  })

  it('still picks the exhaustive best after removals and re-placements', () => {
    fc.assert(
      fc.property(
        designArb,
        fc.constantFrom(...OPTIONS),
        fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
        (design, options, picks) => {
          const s = createScheduler(design, options)
          s.placeAll()
          const ids = design.workloads.flatMap((w) =>
            Array.from({ length: w.count }, (_, i) => `${w.id}#${i}`),
          )
          if (ids.length === 0) return
          for (const pick of picks) {
            // Take one placed instance off, then try one that is not placed (often a refused one).
            const placed = ids.filter((id) => s.assignments().has(id))
            const waiting = ids.filter((id) => !s.assignments().has(id))
            if (placed.length > 0) s.remove(placed[pick % placed.length] as string)
            const id = (
              waiting.length > 0 ? waiting[pick % waiting.length] : placed[pick % placed.length]
            ) as string
            const before = s.explain(id)
            const out = s.placeInstance(id)
            if (out.ok) expect(out.hostId).toBe(before?.candidates[0]?.hostId)
            else expect(before?.feasibleCount).toBe(0)
          }
          checkRules(design, s.assignments())
        },
      ),
      { numRuns: 400 },
    )
  })

  it('gives the same placement for the same design and seed', () => {
    fc.assert(
      fc.property(
        designArb,
        fc.constantFrom(...PRESETS),
        fc.integer({ min: 0, max: 5 }),
        (design, preset, seed) => {
          const a = createScheduler(design, { preset, seed }).placeAll()
          const b = createScheduler(structuredClone(design), { preset, seed }).placeAll()
          expect(JSON.stringify(b)).toBe(JSON.stringify(a))
        },
      ),
      { numRuns: 100 },
    )
  })

  it('keeps every rule through removals, evacuations and host failures', () => {
    fc.assert(
      fc.property(designArb, fc.nat(), (design, pick) => {
        const s = createScheduler(design, { weights: { ...PRESET_WEIGHTS.spread, locality: 0.5 } })
        s.placeAll()
        const hostId = design.hosts[pick % design.hosts.length]?.id as string
        const before = [...s.assignments()].filter(([, h]) => h === hostId).length
        s.setHostState(hostId, 'down')
        const plan = s.evacuate(hostId)
        expect(plan.moves.length + plan.stranded.length).toBe(before)
        for (const m of plan.moves) expect(m.toHostId).not.toBe(hostId)
        for (const x of plan.stranded) expect(x.explanation.feasibleCount).toBe(0)
        expect([...s.assignments().values()]).not.toContain(hostId)
        const first = [...s.assignments().keys()][0]
        if (first) {
          s.remove(first)
          s.placeAll()
        }
        checkRules(design, s.assignments())
      }),
      { numRuns: 200 },
    )
  })
})
