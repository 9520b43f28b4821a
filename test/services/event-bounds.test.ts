/**
 * Every pushed event stays within its declared bound (closing note s9: only `design:changed`
 * was bounded). Each kind gets a hostile payload through a real `EventHub`; the tenant view's
 * bound is also checked end to end, with a real placement of a design whose tenant has more
 * instances than a view lists. The bounds are arithmetic on the declared constants, never a
 * payload Strata made.
 */
import { describe, expect, it } from 'vitest'
import { EVENT_NAMES, type EventName, type EventPayloads } from '../../src/shared/contract'
import {
  EVENT_BOUNDS,
  MAX_EVENT_ID_CHARS,
  MAX_EVENT_LIST_ITEMS,
  MAX_EVENT_TEXT_CHARS,
} from '../../src/shared/contract/events'
import {
  MAX_COUNTED_KINDS,
  MAX_LISTED_PROBLEMS,
  MAX_PROBLEM_TEXT_CHARS,
} from '../../src/shared/domain/problem'
import { DIGEST_UNPLACED_LISTED } from '../../src/shared/domain/placement-digest'
import { MAX_EXPERIMENT_WARNINGS } from '../../src/shared/contract/calls/experiments'
import type { TenantView } from '../../src/shared/domain/tenant-view'
import { EventHub } from '../../src/main/services/event-hub'
import { generateDesign } from '../../src/main/cli/commands/generate'
import { defaultSize } from '../support/cli/generate-defaults'
import { testServices } from '../support/services/test-services'

const HUGE = 1_000_000
const texts = new Map<number, string>()
/** One shared string per length: a list of 10,000 of them costs 10,000 references. */
const long = (n = HUGE): string => {
  let text = texts.get(n)
  if (text === undefined) texts.set(n, (text = 'x'.repeat(n)))
  return text
}
/** JSON room around one listed text: quotes, commas, a key or two. */
const SLACK = 200

/** What a provider and a tenant outlet receive for `payload` (tenants via a projection). */
function delivered<E extends EventName>(event: E, payload: EventPayloads[E]): unknown[] {
  const hub = new EventHub()
  const got: unknown[] = []
  hub.subscribe({ role: 'provider' }, (_e, p) => got.push(p))
  hub.subscribe({ role: 'tenant', tenantId: 't' }, (_e, p) => got.push(p))
  hub.publish(event, payload, () => payload)
  hub.publishToCaller('provider', event, payload)
  expect(got).toHaveLength(3)
  return got
}

const bytes = (x: unknown): number => JSON.stringify(x).length

/** Each kind: a hostile payload and the most bytes its bound allows, from the constants. */
const hostile: { [E in EventName]: () => { payload: EventPayloads[E]; maxBytes: number } } = {
  'design:changed': () => ({
    payload: {
      state: { revision: 1, dirty: true, canUndo: true, canRedo: false } as never,
      changes: { replaced: true } as never,
      problems: Array.from({ length: 20_000 }, (_, i) => ({
        severity: 'warning' as const,
        path: i % 2 === 0 ? long(2000) : `hosts[${i}]`,
        message: i % 3 === 0 ? long(5000) : `host ${i} is off`,
      })),
      problemCounts: { errors: 0, warnings: 20_000 },
      problemElements: { errors: [], warnings: [] },
      notices: Array.from({ length: 10_000 }, () => long(10_000)),
    },
    maxBytes:
      (MAX_LISTED_PROBLEMS + MAX_COUNTED_KINDS + 1) * (2 * MAX_PROBLEM_TEXT_CHARS + SLACK) +
      (MAX_EVENT_LIST_ITEMS + 1) * (MAX_EVENT_TEXT_CHARS + SLACK) +
      SLACK * 4,
  }),
  'app:menu': () => ({ payload: { command: 'save' }, maxBytes: SLACK }),
  'files:autosave': () => ({
    payload: { ok: false, savedAt: new Date(0).toISOString(), message: long() },
    maxBytes: MAX_EVENT_TEXT_CHARS + SLACK,
  }),
  'reports:progress': () => ({
    payload: { jobId: long(), stage: 'pdf', fraction: 0.5 },
    maxBytes: MAX_EVENT_ID_CHARS + SLACK,
  }),
  'scheduler:placed': () => {
    const unplaced = Array.from({ length: 2_000 }, (_, i) => ({
      instanceId: `w#${i}`,
      workloadId: 'w',
      tenantId: 't',
      reasons: Array.from({ length: 100 }, () => ({
        filter: 'compute' as const,
        reason: long(3000),
        count: 1,
      })),
      summary: long(100_000),
    }))
    return {
      payload: {
        preset: 'spread',
        weights: {},
        seed: 1,
        order: 'as-given' as never,
        instanceCount: 50_000,
        placedCount: 0,
        hostIds: [],
        groups: [],
        unplacedCount: 50_000,
        unplacedGroups: [{ workloadId: 'w', tenantId: 't', count: 50_000, summary: long() }],
        unplacedListed: unplaced,
        refusedFor: Array.from({ length: 10_000 }, () => long(10_000)),
      },
      maxBytes:
        DIGEST_UNPLACED_LISTED *
          (MAX_EVENT_TEXT_CHARS + MAX_EVENT_LIST_ITEMS * (MAX_PROBLEM_TEXT_CHARS + SLACK) + SLACK) +
        (MAX_EVENT_LIST_ITEMS + 2) * (MAX_EVENT_TEXT_CHARS + SLACK) +
        SLACK * 4,
    }
  },
  'simulation:progress': () => ({
    payload: {
      runId: 'run-1',
      status: 'running',
      policy: long(),
      seed: 1,
      progress: 0.5,
      virtualTimeS: 1,
      horizonS: 2,
    },
    maxBytes: MAX_EVENT_TEXT_CHARS + SLACK,
  }),
  'simulation:finished': () => ({
    payload: {
      runId: 'run-1',
      status: 'failed',
      policy: 'npa',
      seed: 1,
      progress: 0.5,
      virtualTimeS: 1,
      horizonS: 2,
      error: long(),
    },
    maxBytes: MAX_EVENT_TEXT_CHARS + SLACK,
  }),
  'tenancy:changed': () => {
    const limit = 10
    const view = {
      instances: Array.from({ length: limit }, (_, i) => ({ id: `w#${i}` })),
      instanceLimit: limit,
      zones: [
        {
          id: 'zone-1',
          label: 'Host 1',
          instanceIds: Array.from({ length: 20_000 }, (_, i) => `w#${i}`),
        },
      ],
      explanations: Array.from({ length: 5_000 }, (_, i) => ({
        instanceId: `w#${i}`,
        outcome: 'unplaced',
        summary: long(10_000),
        reasons: Array.from({ length: 50 }, () => long(5000)),
      })),
    } as unknown as TenantView
    return {
      payload: { revision: 1, view },
      maxBytes:
        limit * (SLACK + 2 * SLACK) +
        limit *
          (MAX_EVENT_TEXT_CHARS + (MAX_EVENT_LIST_ITEMS + 1) * (MAX_EVENT_TEXT_CHARS + SLACK)) +
        SLACK * 4,
    }
  },
  'experiments:progress': () => ({
    payload: {
      experimentId: 'e-1',
      status: 'failed',
      total: 1,
      done: 0,
      failed: 1,
      running: 0,
      skipped: 0,
      elapsedMs: 1,
      etaMs: null,
      message: long(),
      warnings: Array.from({ length: 20_000 }, () => long(10_000)),
    },
    maxBytes: (MAX_EXPERIMENT_WARNINGS + 3) * (MAX_EVENT_TEXT_CHARS + SLACK) + SLACK * 2,
  }),
}

describe('event bounds', () => {
  it('every event declares its bound (a new event must add one)', () => {
    expect(Object.keys(EVENT_BOUNDS).sort()).toEqual([...EVENT_NAMES].sort())
    for (const name of EVENT_NAMES) expect(EVENT_BOUNDS[name].limit.length).toBeGreaterThan(10)
    expect(Object.keys(hostile).sort()).toEqual([...EVENT_NAMES].sort())
  })

  for (const name of EVENT_NAMES)
    it(`${name}: a hostile payload is delivered within its bound, to providers, tenants and callers`, () => {
      const { payload, maxBytes } = hostile[name]()
      for (const got of delivered(name, payload as never)) expect(bytes(got)).toBeLessThan(maxBytes)
    })

  it('a small payload is delivered as it is (the same object)', () => {
    const payload = { ok: true, savedAt: new Date(0).toISOString() }
    const [first] = delivered('files:autosave', payload)
    expect(first).toBe(payload)
  })

  it('a tenant with more placed instances than its view lists is sent only the listed ones (real placement)', async () => {
    // one tenant, 2,100 instances on 300 hosts: more than a view's 2,000
    const design = generateDesign({ ...defaultSize(300), tenants: 1, instances: 2100 })
    const s = testServices()
    const tenantId = design.tenants[0]!.id
    const views: TenantView[] = []
    s.ctx.hub.subscribe({ role: 'tenant', tenantId }, (e, p) => {
      const view = (p as EventPayloads['tenancy:changed']).view
      if (e === 'tenancy:changed' && view) views.push(view)
    })
    const provider = { role: 'provider' } as const
    expect((await s.dispatch(provider, 'design:load', { document: design })).ok).toBe(true)
    const placed = await s.dispatch(provider, 'scheduler:place', {})
    expect(placed.ok).toBe(true)
    const view = views.at(-1)
    expect(view?.instanceCount).toBe(2100)
    expect(view?.instancesTruncated).toBe(true)
    const listed = new Set(view?.instances.map((i) => i.id))
    const zoned = view?.zones.flatMap((z) => z.instanceIds) ?? []
    expect(zoned.length).toBeGreaterThan(0)
    expect(zoned.length).toBeLessThanOrEqual(view?.instanceLimit ?? 0)
    expect(zoned.every((id) => listed.has(id))).toBe(true)
    // the call answers the same view
    const answer = await s.dispatch({ role: 'tenant', tenantId }, 'tenancy:view', {})
    const answered = answer.ok ? (answer.value as TenantView) : undefined
    expect(answered?.zones.flatMap((z) => z.instanceIds).length).toBe(zoned.length)
    await s.dispose()
  }, 60_000)
})
