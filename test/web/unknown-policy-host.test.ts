/**
 * An unknown policy or weigher in a loaded design (review s9a #3): it is a design problem at
 * its JSON path, `reports:export` refuses it `bad-request` naming the field (it answered
 * `internal`), and a tenant hears which setting is at fault without its value. Real host
 * child, real sockets; the expected words are the ones the review asked for.
 */
import { describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import type { Problem } from '../../src/shared/contract'
import { wsCall, wsConnect } from './helpers'
import { useProviderHost } from './provider-host'

const ctx = useProviderHost('strata-unknown-policy-')
let callId = 1
const call = (ws: WebSocket, name: string, request: unknown = {}) =>
  wsCall(ws, callId++, name, request)

interface Snapshot {
  design: { simulation: Record<string, unknown>; tenants: Array<{ id: string }> }
  problems: Problem[]
  problemCounts: { errors: number; warnings: number }
}

async function loadWith(simulation: Record<string, unknown>): Promise<Snapshot> {
  const sample = (await call(ctx.provider, 'design:get')).value as Snapshot
  const design = structuredClone(sample.design)
  design.simulation = { ...design.simulation, ...simulation }
  expect((await call(ctx.provider, 'design:load', { document: design })).ok).toBe(true)
  return (await call(ctx.provider, 'design:get')).value as Snapshot
}

async function tenantSocket(tenantId: string): Promise<WebSocket> {
  const minted = await call(ctx.provider, 'tenancy:mint-token', { tenantId })
  expect(minted.ok).toBe(true)
  const token = new URL((minted.value as { url: string }).url).searchParams.get('token') as string
  return wsConnect(
    `${ctx.host.origin.replace('http', 'ws')}/api?token=${encodeURIComponent(token)}`,
  )
}

describe('an unknown policy in a loaded design', () => {
  it('is a problem of the design, and reports refuse it naming the field', async () => {
    const got = await loadWith({ policy: 'nonsense' })
    expect(got.problemCounts.errors).toBe(1)
    const [problem] = got.problems.filter((p) => p.severity === 'error')
    expect(problem?.path).toBe('simulation.policy')
    expect(problem?.message).toMatch(/^unknown policy "nonsense": use npa, dvfs/)

    const provider = await call(ctx.provider, 'reports:export', { format: 'csv' })
    expect(provider.ok).toBe(false)
    expect(provider.error?.code).toBe('bad-request')
    expect(provider.error?.message).toMatch(/^simulation\.policy: unknown policy "nonsense"/)

    const tenant = await tenantSocket(got.design.tenants[0]!.id)
    try {
      const answer = await call(tenant, 'reports:export', { format: 'csv' })
      expect(answer.ok).toBe(false)
      expect(answer.error?.code).toBe('bad-request')
      expect(answer.error?.message).toBe(
        "the provider's design cannot be simulated: its policy is not valid",
      )
    } finally {
      tenant.close()
    }
    expect(ctx.host.exited()).toBeUndefined()
  })

  it('an unknown weigher the same, at simulation.placement.weights', async () => {
    const sample = (await call(ctx.provider, 'design:get')).value as Snapshot
    const got = await loadWith({
      policy: 'npa',
      placement: { ...(sample.design.simulation.placement as object), weights: { nonsense: 2 } },
    })
    const errors = got.problems.filter((p) => p.severity === 'error')
    expect(errors.map((p) => p.path)).toEqual(['simulation.placement.weights'])
    const provider = await call(ctx.provider, 'reports:export', { format: 'html' })
    expect(provider.error?.code).toBe('bad-request')
    expect(provider.error?.message).toMatch(
      /^simulation\.placement\.weights: unknown weigher "nonsense"/,
    )
  })
})

describe('a refusal quoting a very long policy (review s9a #4)', () => {
  it('answers in a few hundred bytes, quoting the name cut to 100 characters', async () => {
    const policy = 'P'.repeat(3_000_000)
    const answer = await call(ctx.provider, 'design:apply', {
      command: { type: 'set-simulation', patch: { policy } },
    })
    expect(answer.ok).toBe(false)
    expect(answer.error?.code).toBe('bad-request')
    expect(answer.error?.message).toMatch(
      new RegExp(`^command\\.patch\\.policy: unknown policy "${'P'.repeat(100)}…": use npa`),
    )
    // a message of at most 1,000 characters and one problem of at most 500 + 500
    expect(JSON.stringify(answer).length).toBeLessThan(3_000)
    expect(ctx.host.exited()).toBeUndefined()
  })
})
