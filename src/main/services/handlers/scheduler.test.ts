import { describe, expect, it } from 'vitest'
import type {
  EvacuationPlan,
  Explanation,
  PlacementDigest,
  PlacementResult,
} from '../../../shared/contract'
import { digestInstances, placementDigest } from '../../../shared/domain/placement-digest'
import type { Services } from '../index'
import { testServices } from '../../../../test/support/services/test-services'

const services = (): Services => testServices()
const provider = { role: 'provider' } as const
const acme = { role: 'tenant', tenantId: 't-acme' } as const

describe('scheduler handlers', () => {
  it('places the open design, keeps the result and pushes its digest (tenant-filtered)', async () => {
    const s = services()
    const seen: Array<{ who: string; payload: PlacementDigest }> = []
    s.ctx.hub.subscribe(provider, (e, p) => {
      if (e === 'scheduler:placed') seen.push({ who: 'provider', payload: p as PlacementDigest })
    })
    s.ctx.hub.subscribe(acme, (e, p) => {
      if (e === 'scheduler:placed') seen.push({ who: 'acme', payload: p as PlacementDigest })
    })
    expect(await s.dispatch(provider, 'scheduler:last', {})).toEqual({ ok: true, value: null })
    const r = await s.dispatch(provider, 'scheduler:place', { preset: 'pack' })
    expect(r.ok).toBe(true)
    const result = (r as { value: PlacementResult }).value
    expect(result.preset).toBe('pack')
    // every instance of the open design (the sample) is either placed or explained
    const design = await s.dispatch(provider, 'design:get', {})
    const instances = design.ok
      ? (
          design.value as { design: { workloads: Array<{ count: number }> } }
        ).design.workloads.reduce((n, w) => n + w.count, 0)
      : -1
    expect(result.placed.length + result.unplaced.length).toBe(instances)
    const last = await s.dispatch(provider, 'scheduler:last', {})
    expect(last).toEqual({ ok: true, value: result })
    const pushed = seen.find((x) => x.who === 'provider')?.payload
    // the digest names every placed instance where the whole result puts it, a node pool's
    // pods with the VM they run in
    expect(pushed && [...digestInstances(pushed)]).toEqual(
      result.placed.map(({ instanceId, workloadId, tenantId, hostId, outerInstanceId }) => ({
        instanceId,
        workloadId,
        tenantId,
        hostId,
        ...(outerInstanceId !== undefined ? { outerInstanceId } : {}),
      })),
    )
    expect(result.placed.some((p) => p.outerInstanceId !== undefined)).toBe(true)
    expect(pushed?.unplacedCount).toBe(result.unplaced.length)
    expect(await s.dispatch(provider, 'scheduler:last-digest', {})).toEqual({
      ok: true,
      value: pushed,
    })
    const mine = seen.find((x) => x.who === 'acme')?.payload
    expect(mine && [...digestInstances(mine)].every((p) => p.tenantId === 't-acme')).toBe(true)
    expect(mine?.placedCount).toBe(result.placed.filter((p) => p.tenantId === 't-acme').length)
    expect(mine?.hostCount).toBeUndefined()
    expect(JSON.stringify(mine)).not.toMatch(/Globex|Initech|t-globex|t-initech|kvm-1|esxi-1/)
  })

  it('answers the window with the digest of the placement it made', async () => {
    const s = services()
    const r = await s.dispatch(provider, 'scheduler:place-digest', { preset: 'spread', seed: 3 })
    const last = await s.dispatch(provider, 'scheduler:last', {})
    if (!r.ok || !last.ok || !last.value) throw new Error('placement failed')
    const digest = r.value as PlacementDigest
    expect(digest).toEqual(placementDigest(last.value as PlacementResult))
    expect(digest.preset).toBe('spread')
    expect(digest.seed).toBe(3)
    // a tenant may not place, in either form
    const refused = await s.dispatch(acme, 'scheduler:place-digest', {})
    expect(refused.ok).toBe(false)
    expect((await s.dispatch(acme, 'scheduler:last-digest', {})).ok).toBe(false)
  })

  it('lets a tenant ask only about its own instances, in tenant-safe words', async () => {
    const s = services()
    await s.dispatch(provider, 'scheduler:place', {})
    const own = await s.dispatch(acme, 'scheduler:explain', { instanceId: 'w-acme-web#5' })
    expect(own.ok).toBe(true)
    const e = (own as { value: Explanation }).value
    expect(e.placed).toBe(false)
    expect(e.rejections).toEqual([])
    expect(e.hostCount).toBeUndefined()
    expect(e.summary).not.toMatch(/\d/)
    expect(e.reasons.length).toBeGreaterThan(0)
    expect(JSON.stringify(e)).not.toMatch(/Globex|Initech/)
    const other = await s.dispatch(acme, 'scheduler:explain', { instanceId: 'w-globex-hpc#0' })
    const missing = await s.dispatch(acme, 'scheduler:explain', { instanceId: 'w-nothing#0' })
    expect(other).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } })
    if (!other.ok && !missing.ok)
      expect(other.error.message.replace('w-globex-hpc#0', 'X')).toBe(
        missing.error.message.replace('w-nothing#0', 'X'),
      )
    const full = await s.dispatch(provider, 'scheduler:explain', { instanceId: 'w-acme-web#5' })
    expect(JSON.stringify(full)).toMatch(/Globex Research/)
    for (const call of ['scheduler:place', 'scheduler:evacuate', 'scheduler:last'] as const)
      expect(await s.dispatch(acme, call, { hostId: 'kvm-1' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      })
  })

  it('evacuates a host through the same pipeline, dry run or not', async () => {
    const s = services()
    await s.dispatch(provider, 'scheduler:place', {})
    const dry = await s.dispatch(provider, 'scheduler:evacuate', { hostId: 'lxc-1', dryRun: true })
    const plan = (dry as { value: EvacuationPlan }).value
    expect(plan.moves.length + plan.stranded.length).toBeGreaterThan(0)
    for (const m of plan.moves) expect(m.toHostId).not.toBe('lxc-1')
    const real = await s.dispatch(provider, 'scheduler:evacuate', { hostId: 'lxc-1' })
    expect(real.ok).toBe(true)
    const last = (await s.dispatch(provider, 'scheduler:last', {})) as { value: PlacementResult }
    expect(last.value.placed.some((p) => p.hostId === 'lxc-1')).toBe(false)
    expect(await s.dispatch(provider, 'scheduler:evacuate', { hostId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
  })
})
