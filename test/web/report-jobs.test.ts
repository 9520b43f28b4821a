/**
 * Report jobs through real WebSockets (issue 11): a job belongs to the link (token) that
 * started it. Another link of the same tenant, and the provider, neither receive its progress
 * events nor can cancel it, and the per-tenant cap counts each link's own jobs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import { startChildHost, wsCall, wsConnect, type ChildHost } from './helpers'

interface Progress {
  jobId: string
  stage: string
  fraction: number
}

/** A client and the `reports:progress` events it has received. */
interface Client {
  ws: WebSocket
  progress: Progress[]
  /** Resolves with the next progress event. */
  nextProgress: () => Promise<Progress>
}

let host: ChildHost
let provider: Client
let linkA: Client
let linkB: Client
const api = (token: string) =>
  `${host.origin.replace('http', 'ws')}/api?token=${encodeURIComponent(token)}`

async function client(token: string): Promise<Client> {
  const ws = await wsConnect(api(token))
  const progress: Progress[] = []
  const waiting: Array<(p: Progress) => void> = []
  ws.on('message', (data) => {
    const m = JSON.parse(String(data)) as { type: string; event?: string; payload?: Progress }
    if (m.type !== 'strata:event' || m.event !== 'reports:progress' || !m.payload) return
    progress.push(m.payload)
    for (const resolve of waiting.splice(0)) resolve(m.payload)
  })
  return {
    ws,
    progress,
    nextProgress: () => new Promise((resolve) => waiting.push(resolve)),
  }
}

let nextId = 1000
const call = (c: Client, name: string, request: unknown) => wsCall(c.ws, nextId++, name, request)

beforeAll(async () => {
  host = await startChildHost()
  provider = await client(host.providerToken)
  const mint = async () => {
    const minted = await call(provider, 'tenancy:mint-token', { tenantId: 't-acme' })
    return new URL((minted.value as { url: string }).url).searchParams.get('token') as string
  }
  linkA = await client(await mint())
  linkB = await client(await mint())
})
afterAll(async () => {
  for (const c of [provider, linkA, linkB]) c?.ws.close()
  await host?.stop()
})

const reset = () => {
  for (const c of [provider, linkA, linkB]) c.progress.length = 0
}

describe('report jobs belong to the link that started them', () => {
  it('another link of the same tenant, and the provider, neither see nor cancel the job', async () => {
    reset()
    const first = linkA.nextProgress()
    const pending = call(linkA, 'reports:export', { format: 'html' })
    const { jobId } = await first
    expect(jobId).toMatch(/^report-[A-Za-z0-9_-]{16}$/)
    // While it runs: the other link and the provider are told the job is not theirs.
    expect(await call(linkB, 'reports:cancel', { jobId })).toMatchObject({
      ok: true,
      value: { cancelled: false },
    })
    expect(await call(provider, 'reports:cancel', { jobId })).toMatchObject({
      ok: true,
      value: { cancelled: false },
    })
    // It was still running: its own link cancels it.
    expect(await call(linkA, 'reports:cancel', { jobId })).toMatchObject({
      ok: true,
      value: { cancelled: true },
    })
    expect(await pending).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    expect(linkA.progress.length).toBeGreaterThan(0)
    expect(linkA.progress.every((p) => p.jobId === jobId)).toBe(true)
    expect(linkB.progress).toEqual([])
    expect(provider.progress).toEqual([])
  })

  it("the cap counts each link's own jobs: one link's two do not hold up the other's", async () => {
    reset()
    // Sent back to back: all five are started before any can finish.
    const fromA = [1, 2, 3].map(() => call(linkA, 'reports:export', { format: 'csv' }))
    const fromB = [1, 2].map(() => call(linkB, 'reports:export', { format: 'csv' }))
    const a = await Promise.all(fromA)
    const b = await Promise.all(fromB)
    expect(a.filter((r) => r.ok)).toHaveLength(2)
    expect(a.find((r) => !r.ok)).toMatchObject({ error: { code: 'unavailable' } })
    expect(b.every((r) => r.ok)).toBe(true)
    // Each link heard of its own two jobs only.
    const ids = (c: Client) => new Set(c.progress.map((p) => p.jobId))
    expect(ids(linkA).size).toBe(2)
    expect(ids(linkB).size).toBe(2)
    expect([...ids(linkA)].some((id) => ids(linkB).has(id))).toBe(false)
    expect(provider.progress).toEqual([])
  })

  it("the provider's job is the provider's: a tenant link neither sees nor cancels it", async () => {
    reset()
    const first = provider.nextProgress()
    const pending = call(provider, 'reports:export', { format: 'html' })
    const { jobId } = await first
    expect(await call(linkA, 'reports:cancel', { jobId })).toMatchObject({
      ok: true,
      value: { cancelled: false },
    })
    expect(await pending).toMatchObject({ ok: true })
    expect(provider.progress.at(-1)).toMatchObject({ jobId, stage: 'done', fraction: 1 })
    expect(linkA.progress).toEqual([])
    expect(linkB.progress).toEqual([])
    expect(host.exited()).toBeUndefined()
  })
})
