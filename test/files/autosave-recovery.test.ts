/** Autosave while dirty, recovery after a crash, recent files, uploads and downloads. */
import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { makeApp, SAMPLE_TEXT, tempDir } from './helpers'

const rename = (name: string) => ({ command: { type: 'set-meta', patch: { name } } })

describe('autosave and recovery', () => {
  it('autosaves only while dirty, and a later run recovers the work of a crashed one', async () => {
    const dataDir = tempDir('strata-data-')
    // First run (pid 111): opens the sample, edits, the minute timer fires, then it "crashes".
    const first = makeApp({ dataDir, pid: 111, isAlive: () => false })
    await first.call('design:open-sample', { name: 'two-hall' })
    await first.services.autosaver.tick()
    expect(readdirSync(dataDir)).not.toContain('autosave') // clean: nothing written
    await first.call('design:apply', rename('Unsaved work'))
    first.fireTimer()
    // Both files in place (not a temporary of one still being written).
    await vi.waitFor(() =>
      expect(readdirSync(join(dataDir, 'autosave')).filter((n) => !n.startsWith('.'))).toHaveLength(
        2,
      ),
    )

    // Second run (pid 222): the crashed run's autosave is offered.
    const second = makeApp({ dataDir, pid: 222, isAlive: () => false })
    const list = await second.call<Array<{ id: string; designName: string }>>('files:recovery')
    expect(list.ok && list.value.map((e) => e.designName)).toEqual(['Unsaved work'])
    if (!list.ok) return
    const id = list.value[0]!.id
    const recovered = await second.call<{ state: { dirty: boolean } }>('files:recover', { id })
    expect(recovered.ok && recovered.value.state.dirty).toBe(true)
    expect(second.ctx.design.design.meta.name).toBe('Unsaved work')
    // The old autosave is gone only after this run saved its own copy.
    const names = readdirSync(join(dataDir, 'autosave'))
    expect(names.some((n) => n.startsWith('222-'))).toBe(true)
    expect(names.some((n) => n.startsWith('111-'))).toBe(false)

    // Saving makes the design clean and removes this run's autosave.
    const file = join(tempDir(), 'recovered.strata.json')
    expect((await second.call('files:save-as', { path: file })).ok).toBe(true)
    await vi.waitFor(() => expect(readdirSync(join(dataDir, 'autosave'))).toEqual([]))
  })

  it("offers only this checkout's autosaves: two clones on one data folder, and two data folders", async () => {
    // review s6u #13: the dialog listed another clone's autosave (one ~/.config/strata per user)
    const shared = tempDir('strata-data-')
    const crash = async (dataDir: string, checkout: string, pid: number, name: string) => {
      const app = makeApp({ dataDir, checkout, pid, isAlive: () => false })
      await app.call('design:apply', rename(name))
      await app.services.autosaver.tick()
    }
    await crash(shared, '/clones/a', 11, 'work of clone a')
    await crash(shared, '/clones/b', 12, 'work of clone b')
    const names = async (dataDir: string, checkout: string, pid: number) => {
      const app = makeApp({ dataDir, checkout, pid, isAlive: () => false })
      const list = await app.call<Array<{ designName: string }>>('files:recovery')
      return list.ok ? list.value.map((e) => e.designName) : list
    }
    expect(await names(shared, '/clones/a', 21)).toEqual(['work of clone a'])
    expect(await names(shared, '/clones/b', 22)).toEqual(['work of clone b'])
    expect(await names(shared, '/clones/c', 23)).toEqual([])
    // another data folder of the same clone holds none of them
    expect(await names(tempDir('strata-data-'), '/clones/a', 24)).toEqual([])
    // a copy written before copies named their checkout is offered to none
    writeFileSync(join(shared, 'autosave', '9-1.strata.json'), SAMPLE_TEXT)
    writeFileSync(
      join(shared, 'autosave', '9-1.meta.json'),
      JSON.stringify({ pid: 9, designName: 'old', savedAt: '2026-01-01T00:00:00.000Z' }),
    )
    expect(await names(shared, '/clones/a', 25)).toEqual(['work of clone a'])
  })

  it('does not offer the autosave of a run that is still alive, and can discard entries', async () => {
    const dataDir = tempDir('strata-data-')
    const first = makeApp({ dataDir, pid: 333 })
    await first.call('design:apply', rename('x'))
    await first.services.autosaver.tick()
    const alive = makeApp({ dataDir, pid: 444, isAlive: (pid) => pid === 333 })
    expect(
      (await alive.call<unknown[]>('files:recovery')).ok &&
        (await alive.services.autosaver.list()).length,
    ).toBe(0)
    const dead = makeApp({ dataDir, pid: 555, isAlive: () => false })
    const [entry] = await dead.services.autosaver.list()
    const left = await dead.call<unknown[]>('files:discard-recovery', { id: entry!.id })
    expect(left.ok && left.value).toEqual([])
  })
})

describe('open, recent files, uploads and downloads', () => {
  it('refuses to replace unsaved changes unless told to, and records recent files', async () => {
    const app = makeApp()
    const file = join(tempDir(), 'dc.strata.json')
    writeFileSync(file, SAMPLE_TEXT)
    await app.call('design:apply', rename('draft'))
    const blocked = await app.call('files:open', { path: file })
    expect(!blocked.ok && blocked.error.code).toBe('conflict')
    expect(app.ctx.design.design.meta.name).toBe('draft')
    expect((await app.call('files:open', { path: file, discardChanges: true })).ok).toBe(true)
    const recent = await app.call<Array<{ path: string; exists: boolean }>>('files:recent')
    expect(recent.ok && recent.value).toEqual([
      expect.objectContaining({ path: file, exists: true, name: 'Two-hall sample datacenter' }),
    ])
  })

  it('refuses an oversized file from its size on disk, before reading it', async () => {
    const app = makeApp({ maxBytes: 1000 })
    const file = join(tempDir(), 'big.strata.json')
    writeFileSync(file, SAMPLE_TEXT)
    const r = await app.call('files:open', { path: file })
    expect(!r.ok && r.error.code).toBe('invalid-design')
    expect(!r.ok && r.error.problems?.[0]).toMatchObject({
      path: '',
      message: expect.stringContaining('limit is 1000 bytes'),
    })
  })

  it('a corrupt upload names every problem and leaves the open design untouched', async () => {
    const app = makeApp()
    await app.call('design:open-sample', { name: 'two-hall' })
    const before = app.ctx.design.design
    const bytes = Buffer.from(SAMPLE_TEXT.replace('"R01"', '"R\u00e9"'), 'utf8')
    bytes[bytes.indexOf(0xc3)] = 0xff
    const bad = await app.call('files:open', {
      contents: bytes.toString('base64'),
      encoding: 'base64',
      name: 'x.strata.json',
    })
    expect(!bad.ok && bad.error.problems?.[0]?.path).toBe('racks[0].name')
    const truncated = await app.call('files:open', {
      contents: SAMPLE_TEXT.slice(0, 5000),
      name: 't.strata.json',
    })
    expect(!truncated.ok && truncated.error.message).toContain('t.strata.json cannot be opened')
    expect(app.ctx.design.design).toBe(before)
    const missing = await app.call('files:open', { path: join(tempDir(), 'none.strata.json') })
    expect(!missing.ok && missing.error.code).toBe('not-found')
  })

  it('web host: save-as without a path returns the file for download; exports in three formats', async () => {
    const app = makeApp()
    await app.call('design:open-sample', { name: 'two-hall' })
    await app.call('design:apply', {
      command: { type: 'set-meta', patch: { name: 'Two-hall sample datacenter' } },
    })
    expect(app.ctx.design.state.dirty).toBe(true)
    const saved = await app.call<{ download: { fileName: string; contents: string } }>(
      'files:save-as',
      {},
    )
    // the download is the saved copy: the design is no longer dirty
    expect(app.ctx.design.state.dirty).toBe(false)
    expect(saved.ok && saved.value.download.fileName).toBe('Two-hall-sample-datacenter.strata.json')
    if (saved.ok) {
      // Saved files reference the design JSON Schema first; the rest is the design.
      const { $schema, ...file } = JSON.parse(saved.value.download.contents) as Record<
        string,
        unknown
      >
      expect($schema).toBe('urn:strata:design-schema:2')
      expect(file).toEqual(JSON.parse(JSON.stringify(app.ctx.design.design)))
    }
    for (const format of ['strata', 'opendc', 'netbox-csv'] as const) {
      const out = await app.call<{ contents: string }>('files:export', { format })
      expect(out.ok && out.value.contents.length).toBeGreaterThan(100)
    }
  })

  it('imports as a new design (unsaved) or merged into the open one as one undoable edit', async () => {
    const app = makeApp()
    const csv = 'name,role,site,rack,position\nsrv-1,server,DC,R9,10\nsrv-2,server,DC,R9,12\n'
    const asNew = await app.call<{ counts: Record<string, number> }>('files:import', {
      format: 'netbox-csv',
      contents: csv,
    })
    expect(asNew.ok && asNew.value.counts).toEqual({ zone: 1, rack: 1, host: 2, switch: 0 })
    expect(app.ctx.design.state.dirty).toBe(true)
    await app.call('design:open-sample', { name: 'two-hall', discardChanges: true })
    const hostsBefore = app.ctx.design.design.hosts.length
    const merged = await app.call('files:import', {
      format: 'netbox-csv',
      contents: csv,
      mode: 'merge',
    })
    expect(merged.ok).toBe(true)
    expect(app.ctx.design.design.hosts.length).toBe(hostsBefore + 2)
    expect((await app.call('design:undo')).ok).toBe(true)
    expect(app.ctx.design.design.hosts.length).toBe(hostsBefore)
    const badJson = await app.call('files:import', {
      format: 'opendc',
      contents: '{"clusters": [}',
      mode: 'merge',
    })
    expect(!badJson.ok && badJson.error.problems?.[0]).toMatchObject({
      path: 'clusters[0]',
      message: expect.stringContaining('line 1'),
    })
  })
})
