import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startServices, type Services } from './index'
import { testServices } from '../../../test/support/services/test-services'

const services = (): Services => testServices()
const provider = { role: 'provider' } as const
const tenant = { role: 'tenant', tenantId: 't-acme' } as const

describe('dispatcher', () => {
  it('answers a good call with the open sample', async () => {
    const s = services()
    const result = await s.dispatch(provider, 'design:get', {})
    expect(result.ok).toBe(true)
    if (result.ok)
      expect((result.value as { design: { meta: { name: string } } }).design.meta.name).toBe(
        'Two-hall sample datacenter',
      )
  })

  it('gives typed errors for unknown calls, bad requests and non-objects, and keeps working', async () => {
    const s = services()
    for (const name of ['nope', 42, null, 'design:get:extra', '__proto__', 'constructor']) {
      const r = await s.dispatch(provider, name, {})
      expect(r).toMatchObject({ ok: false, error: { code: 'unknown-call' } })
    }
    const bad = await s.dispatch(provider, 'design:apply', { command: { type: 'explode' } })
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    if (!bad.ok) expect(bad.error.problems?.[0]?.path).toMatch(/^request\.command/)
    const extra = await s.dispatch(provider, 'design:get', { sneaky: 1 })
    expect(extra).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    const wrongShape = await s.dispatch(provider, 'design:open-sample', 'two-hall')
    expect(wrongShape).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect((await s.dispatch(provider, 'design:get', {})).ok).toBe(true)
  })

  it('refuses a request nested 600 deep (any transport) before its schema recurses', async () => {
    const s = services()
    let command: unknown = { type: 'remove', ids: ['nothing'] }
    for (let i = 0; i < 600; i++) command = { type: 'batch', label: 'deep', commands: [command] }
    for (const session of [provider, tenant]) {
      const r = await s.dispatch(session, 'design:apply', { command })
      expect(r).toMatchObject({ ok: false })
      if (!r.ok) expect(r.error.code).toBe(session === provider ? 'bad-request' : 'forbidden')
    }
    // A cycle (only possible in-process) is no deeper than its distinct objects.
    const cyclic: Record<string, unknown> = { type: 'batch', label: 'cycle' }
    cyclic.commands = [cyclic]
    const r = await s.dispatch(provider, 'design:apply', { command: cyclic })
    expect(r).toMatchObject({ ok: false })
    expect((await s.dispatch(provider, 'design:get', {})).ok).toBe(true)
  })

  it('answers a throwing schema or handler with internal, naming nothing to a tenant', async () => {
    const s = services()
    const hostile = {
      get tenantId(): string {
        throw new Error('secret provider text')
      },
    }
    const asTenant = await s.dispatch(tenant, 'tenancy:view', hostile)
    expect(asTenant).toMatchObject({ ok: false, error: { code: 'internal' } })
    if (!asTenant.ok) expect(asTenant.error.message).not.toContain('secret')
    const asProvider = await s.dispatch(provider, 'tenancy:view', hostile)
    expect(asProvider).toMatchObject({ ok: false, error: { code: 'internal' } })
  })

  it('refuses provider-only calls to a tenant session without revealing data', async () => {
    const s = services()
    const r = await s.dispatch(tenant, 'design:get', {})
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(JSON.stringify(r)).not.toMatch(/Globex|Initech|kvm-1/)
  })

  it('turns a throwing handler into an internal error instead of crashing', async () => {
    const samplesDir = mkdtempSync(join(tmpdir(), 'strata-samples-'))
    writeFileSync(join(samplesDir, 'broken.strata.json'), '{"schemaVersion": 1,')
    const s = startServices({
      version: 'test',
      paths: { dataDir: samplesDir, samplesDir },
      shell: { kind: 'web' },
    })
    const r = await s.dispatch(provider, 'design:open-sample', { name: 'broken' })
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('design:open-sample failed') },
    })
    expect((await s.dispatch(provider, 'design:open-sample', { name: '../../package' })).ok).toBe(
      false,
    )
    expect((await s.dispatch(provider, 'app:info', {})).ok).toBe(true)
  })

  it('pushes design:changed to provider sessions only', async () => {
    const s = services()
    const seen: Array<{ who: string; event: string }> = []
    s.ctx.hub.subscribe(provider, (event) => seen.push({ who: 'provider', event }))
    s.ctx.hub.subscribe(tenant, (event) => seen.push({ who: 'tenant', event }))
    await s.dispatch(provider, 'design:apply', {
      command: { type: 'set-meta', patch: { name: 'Renamed' } },
    })
    expect(seen).toContainEqual({ who: 'provider', event: 'design:changed' })
    expect(seen.some((e) => e.who === 'tenant' && e.event === 'design:changed')).toBe(false)
  })
})
