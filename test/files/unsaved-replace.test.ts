/**
 * Calls that replace the open design never lose unsaved edits (review s11 #2). Before,
 * `design:new`, `design:open-sample` and `design:load` replaced a dirty design without asking,
 * and the autosave was then removed (the new design was clean) or overwritten (by the next
 * tick), so the edits were gone for good. Now every replacing call is refused with `conflict`
 * unless `discardChanges: true` (the user was asked and chose to discard); a refused or failed
 * call changes nothing.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeApp, SAMPLE_TEXT } from './helpers'

const rename = (name: string) => ({ command: { type: 'set-meta', patch: { name } } })
const sample = JSON.parse(SAMPLE_TEXT) as { meta: { name: string } }
const REPLACING: Array<[string, Record<string, unknown>]> = [
  ['design:new', { name: 'Blank' }],
  ['design:open-sample', { name: 'two-hall' }],
  ['design:load', { document: { ...sample, meta: { ...sample.meta, name: 'Loaded' } } }],
  ['files:open', { contents: SAMPLE_TEXT, name: 'x.strata.json' }],
  ['files:import', { format: 'opendc', contents: '{"clusters": []}' }],
]

/** An app with unsaved work named `name`, its autosave written. */
async function dirtyApp(name: string) {
  const app = makeApp({ isAlive: () => false })
  await app.call('design:apply', rename(name))
  await app.services.autosaver.tick()
  return app
}

/** The autosaved designs by file name (a meta file's heartbeat moves at every tick). */
function autosaveFiles(dataDir: string): Map<string, string> {
  const dir = join(dataDir, 'autosave')
  return new Map(
    readdirSync(dir)
      .filter((n) => n.endsWith('.strata.json'))
      .map((n) => [n, readFileSync(join(dir, n), 'utf8')]),
  )
}

describe('a call that replaces a design with unsaved edits', () => {
  it.each(REPLACING)('%s without discardChanges is refused; nothing changes', async (call, req) => {
    const app = await dirtyApp('Unsaved work')
    const before = autosaveFiles(app.dataDir)
    const r = await app.call(call, req)
    expect(r.ok ? 'ok' : r.error.code).toBe('conflict')
    expect(!r.ok && r.error.message).toMatch(/unsaved changes.*discardChanges/)
    expect(app.ctx.design.design.meta.name).toBe('Unsaved work')
    expect(app.ctx.design.state.dirty).toBe(true)
    expect(autosaveFiles(app.dataDir)).toEqual(before)
  })

  it.each(REPLACING.slice(0, 3))(
    '%s with discardChanges replaces it; the discarded edits leave no recovery entry',
    async (call, req) => {
      const app = await dirtyApp('Unsaved work')
      const r = await app.call(call, { ...req, discardChanges: true })
      expect(r.ok).toBe(true)
      expect(app.ctx.design.design.meta.name).not.toBe('Unsaved work')
      await app.services.autosaver.tick()
      // the user chose to discard them: nothing to offer as "did not close normally"
      expect(await app.call('files:recovery')).toEqual({ ok: true, value: [] })
    },
  )

  it('a failed load leaves the open design and its autosave untouched', async () => {
    const app = await dirtyApp('Unsaved work')
    const before = autosaveFiles(app.dataDir)
    for (const [call, req] of [
      ['design:load', { document: { schemaVersion: 1, hosts: 'nope' }, discardChanges: true }],
      ['design:open-sample', { name: 'no-such-sample', discardChanges: true }],
      ['files:open', { contents: '{"oops', name: 'bad.strata.json', discardChanges: true }],
    ] as const) {
      const r = await app.call(call, req)
      expect([call, r.ok]).toEqual([call, false])
      expect(app.ctx.design.design.meta.name).toBe('Unsaved work')
      expect(app.ctx.design.state.dirty).toBe(true)
    }
    await app.services.autosaver.tick()
    expect(autosaveFiles(app.dataDir)).toEqual(before)
    expect(await app.call('files:recovery')).toEqual({ ok: true, value: [] })
  })

  it('a clean design is replaced without asking and sets nothing aside', async () => {
    const app = makeApp()
    expect((await app.call('design:new', {})).ok).toBe(true)
    expect((await app.call('design:open-sample', { name: 'two-hall' })).ok).toBe(true)
    expect(await app.call('files:recovery')).toEqual({ ok: true, value: [] })
  })
})
