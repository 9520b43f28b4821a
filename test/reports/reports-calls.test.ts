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
    const r = await app.call<ReportExport>('reports:export', { format: 'csv', jobId: 'j1' })
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
    const pending = app.call('reports:export', { format: 'html', jobId: 'slow' })
    // Cancel as soon as the first progress event shows the job is under way.
    await new Promise<void>((resolve) => {
      const stop = app.ctx.hub.subscribe({ role: 'provider' }, (event) => {
        if (event === 'reports:progress') {
          stop()
          resolve()
        }
      })
    })
    const cancel = await app.call<{ cancelled: boolean }>('reports:cancel', { jobId: 'slow' })
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
    const own = await dispatch(acme, 'reports:export', { format: 'html', jobId: 'acme-1' })
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
