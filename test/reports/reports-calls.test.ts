/** `reports:export` through the contract: formats, progress events, cancel, and tenant sessions. */
import { describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SessionInfo } from '../../src/shared/contract'
import type { ReportExport } from '../../src/shared/contract/calls/reports'
import { readZip } from './read-zip'
import { makeApp } from '../files/helpers'

async function sample() {
  const app = makeApp()
  await app.call('design:open-sample', { name: 'two-hall' })
  const events: Array<{
    session: string
    event: string
    payload: { jobId: string; stage: string; fraction: number }
  }> = []
  const watch = (session: SessionInfo, label: string) =>
    app.ctx.hub.subscribe(session, (event, payload) => {
      if (event === 'reports:progress')
        events.push({ session: label, event, payload: payload as never })
    })
  watch({ role: 'provider' }, 'provider')
  watch({ role: 'tenant', tenantId: 't-acme' }, 'acme')
  watch({ role: 'tenant', tenantId: 't-globex' }, 'globex')
  return { app, events }
}

describe('reports:export', () => {
  it('exports CSV with progress events to the provider, and keeps the results for the next save', async () => {
    const { app, events } = await sample()
    const r = await app.call<ReportExport>('reports:export', { format: 'csv' })
    expect(r.ok).toBe(true)
    if (r.ok) {
      // ONE download: a zip (its local-file signature PK\x03\x04) holding every CSV in one folder.
      expect(r.value.fileName).toMatch(/-csv\.zip$/)
      expect(r.value.mimeType).toBe('application/zip')
      expect(r.value.encoding).toBe('base64')
      const path = join(mkdtempSync(join(tmpdir(), 'strata-zip-')), r.value.fileName)
      writeFileSync(path, Buffer.from(r.value.contents, 'base64'))
      expect(readFileSync(path).subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 3, 4]))
      const names = [...readZip(path).keys()]
      const folder = r.value.fileName.replace(/\.zip$/, '')
      expect(names).toContain(`${folder}/tenant-usage.csv`)
      expect(names.every((n) => n.startsWith(`${folder}/`))).toBe(true)
    }
    const fractions = events.filter((e) => e.session === 'provider').map((e) => e.payload.fraction)
    expect(fractions.length).toBeGreaterThan(3)
    expect(fractions.at(-1)).toBe(1)
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions)
    expect(events.some((e) => e.session !== 'provider')).toBe(false)
    expect(app.services.files.currentLastRun()?.simulation).toBeDefined()
  })

  it('can be cancelled while it runs', async () => {
    const { app, events } = await sample()
    const pending = app.call('reports:export', { format: 'html' })
    // Cancel as soon as the first progress event shows the job (and its server-made id).
    const jobId = await new Promise<string>((resolve) => {
      const stop = app.ctx.hub.subscribe({ role: 'provider' }, (event, payload) => {
        if (event === 'reports:progress') {
          stop()
          resolve((payload as { jobId: string }).jobId)
        }
      })
    })
    expect(jobId).toMatch(/^report-[A-Za-z0-9_-]{16}$/)
    const cancel = await app.call<{ cancelled: boolean }>('reports:cancel', { jobId })
    expect(cancel.ok && cancel.value.cancelled).toBe(true)
    const r = await pending
    expect(!r.ok && r.error.code).toBe('cancelled')
    expect(events.some((e) => e.payload.stage === 'done')).toBe(false)
  })

  it('gives a tenant session its own report only', async () => {
    const { app, events } = await sample()
    const dispatch = (await import('../../src/main/services/dispatcher')).createDispatcher(app.ctx)
    const acme: SessionInfo = { role: 'tenant', tenantId: 't-acme' }
    const other = await dispatch(acme, 'reports:export', { format: 'html', tenantId: 't-globex' })
    expect(!other.ok && other.error.code).toBe('forbidden')
    const own = await dispatch(acme, 'reports:export', { format: 'html' })
    expect(own.ok).toBe(true)
    if (!own.ok) return
    const html = (own.value as { contents: string }).contents
    expect(html).toContain('Acme Retail')
    for (const word of ['Globex', 'Initech', 't-globex', 't-initech'])
      expect(html).not.toContain(word)
    expect(events.some((e) => e.session === 'acme')).toBe(true)
    expect(events.some((e) => e.session === 'globex')).toBe(false)
  })
})

describe('reports in a tenant session carry nothing of the provider', () => {
  it('names the file after the tenant, and its notes quote no validation message', async () => {
    const { app } = await sample()
    // An error naming another tenant's workload and network: the design cannot be simulated.
    const broken = await app.call('design:apply', {
      command: { type: 'update', id: 'w-globex-hpc', patch: { networkId: 'net-initech' } },
    })
    expect(broken.ok).toBe(true)
    const renamed = await app.call('design:apply', {
      command: { type: 'set-meta', patch: { name: 'Provider secret plan' } },
    })
    expect(renamed.ok).toBe(true)
    const { createDispatcher } = await import('../../src/main/services/dispatcher')
    const dispatch = createDispatcher(app.ctx)
    const providerNotes = await dispatch({ role: 'provider' }, 'reports:export', { format: 'csv' })
    expect(providerNotes.ok && (providerNotes.value as { notes: string[] }).notes[0]).toMatch(
      /w-globex-hpc|net-initech|tenant/,
    )
    for (const format of ['html', 'csv'] as const) {
      const r = await dispatch({ role: 'tenant', tenantId: 't-acme' }, 'reports:export', { format })
      expect(r.ok).toBe(true)
      if (!r.ok) return
      const value = r.value as { fileName: string; notes: string[] }
      expect(value.fileName).toMatch(/^Acme-Retail-report/)
      const visible = JSON.stringify({ fileName: value.fileName, notes: value.notes })
      for (const word of ['secret', 'Provider', 'Two-hall', 'globex', 'initech', 'hpc', 'error'])
        expect(visible.toLowerCase()).not.toContain(word.toLowerCase())
      expect(value.notes).toEqual([
        'The datacenter could not be placed or simulated at this time, so this report has no run figures.',
      ])
    }
  })

  it("job ids are the server's, unguessable; a tenant can neither block nor cancel the provider", async () => {
    const { app, events } = await sample()
    const { createDispatcher } = await import('../../src/main/services/dispatcher')
    const dispatch = createDispatcher(app.ctx)
    const acme: SessionInfo = { role: 'tenant', tenantId: 't-acme' }
    // The caller may not name a job any more.
    const named = await dispatch(acme, 'reports:export', { format: 'csv', jobId: 'report-1' })
    expect(!named.ok && named.error.code).toBe('bad-request')
    const provider = dispatch({ role: 'provider' }, 'reports:export', { format: 'html' })
    const jobId = await new Promise<string>((resolve) => {
      const stop = app.ctx.hub.subscribe({ role: 'provider' }, (event, payload) => {
        if (event === 'reports:progress') {
          stop()
          resolve((payload as { jobId: string }).jobId)
        }
      })
    })
    const cancel = await dispatch(acme, 'reports:cancel', { jobId })
    expect(cancel).toMatchObject({ ok: true, value: { cancelled: false } })
    expect((await provider).ok).toBe(true)
    const ids = new Set(events.map((e) => e.payload.jobId))
    expect([...ids].every((id) => /^report-[A-Za-z0-9_-]{16}$/.test(id))).toBe(true)
  })

  it('a tenant may run at most 2 reports at once; the provider is not held up', async () => {
    const { app } = await sample()
    const { createDispatcher } = await import('../../src/main/services/dispatcher')
    const dispatch = createDispatcher(app.ctx)
    const acme: SessionInfo = { role: 'tenant', tenantId: 't-acme' }
    const runs = [1, 2, 3, 4].map(() => dispatch(acme, 'reports:export', { format: 'html' }))
    const provider = dispatch({ role: 'provider' }, 'reports:export', { format: 'csv' })
    const results = await Promise.all(runs)
    expect(results.filter((r) => r.ok)).toHaveLength(2)
    for (const r of results.filter((x) => !x.ok)) expect(!r.ok && r.error.code).toBe('unavailable')
    expect((await provider).ok).toBe(true)
    // Once they are done, the tenant may start another.
    expect((await dispatch(acme, 'reports:export', { format: 'csv' })).ok).toBe(true)
  })
})
