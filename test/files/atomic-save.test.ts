/** Saving never loses the previous file: atomic replace, `.bak`, and failures that keep the design dirty. */
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readStrataFile } from '../../src/main/engine/persistence'
import { backupPathOf, writeFileAtomic, type AtomicWriteStep } from '../../src/main/services/files'
import { SAMPLE_TEXT, makeApp, tempDir } from './helpers'

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code })

describe('atomic save', () => {
  it('replaces the file and keeps the previous version as .bak', async () => {
    const dir = tempDir()
    const file = join(dir, 'a.strata.json')
    await writeFileAtomic(file, 'one')
    await writeFileAtomic(file, 'two')
    expect(readFileSync(file, 'utf8')).toBe('two')
    expect(readFileSync(backupPathOf(file), 'utf8')).toBe('one')
    expect(readdirSync(dir).sort()).toEqual(['a.strata.json', 'a.strata.json.bak'])
  })

  for (const [step, code, words] of [
    ['write', 'ENOSPC', 'the disk is full'],
    ['flush', 'EIO', 'EIO'],
    ['backup', 'ENOSPC', 'the disk is full'],
    ['replace', 'EACCES', 'permission denied'],
  ] as const) {
    it(`a ${code} failure at "${step}" leaves the old file intact and no temporary behind`, async () => {
      const dir = tempDir()
      const file = join(dir, 'a.strata.json')
      writeFileSync(file, 'old')
      const beforeStep = (s: AtomicWriteStep) => {
        if (s === step) throw errno(code)
      }
      await expect(writeFileAtomic(file, 'new', { beforeStep })).rejects.toThrow(words)
      expect(readFileSync(file, 'utf8')).toBe('old')
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
    })
  }

  // Root ignores folder permissions, so this real-permission case only runs as a normal user.
  it.skipIf(process.getuid?.() === 0)(
    'a real permission error (read-only folder) keeps the old file',
    async () => {
      const dir = tempDir()
      const file = join(dir, 'a.strata.json')
      writeFileSync(file, 'old')
      chmodSync(dir, 0o500)
      try {
        await expect(writeFileAtomic(file, 'new')).rejects.toThrow('permission denied')
        expect(readFileSync(file, 'utf8')).toBe('old')
      } finally {
        chmodSync(dir, 0o700)
      }
    },
  )
})

describe('files:save through the contract', () => {
  it('a failed save keeps the design open and dirty, with a message saying what was kept', async () => {
    let failNext: string | undefined
    const app = makeApp({
      writeOptions: {
        beforeStep: (s) => {
          if (failNext && s === 'write') throw errno(failNext)
        },
      },
    })
    const dir = tempDir()
    const file = join(dir, 'dc.strata.json')
    writeFileSync(file, SAMPLE_TEXT)
    expect((await app.call('files:open', { path: file })).ok).toBe(true)
    expect(
      (await app.call('design:apply', { command: { type: 'set-meta', patch: { name: 'Edited' } } }))
        .ok,
    ).toBe(true)
    expect(app.ctx.design.state.dirty).toBe(true)

    failNext = 'ENOSPC'
    const full = await app.call('files:save')
    expect(full.ok).toBe(false)
    if (!full.ok) {
      expect(full.error.code).toBe('io')
      expect(full.error.message).toMatch(/disk is full.*previous file is unchanged.*still open/)
    }
    expect(app.ctx.design.state.dirty).toBe(true)
    expect(app.ctx.design.design.meta.name).toBe('Edited')
    expect(readFileSync(file, 'utf8')).toBe(SAMPLE_TEXT)

    failNext = undefined
    rmSync(dir, { recursive: true })
    const gone = await app.call('files:save')
    expect(!gone.ok && gone.error.message).toContain('no longer exists')
    expect(app.ctx.design.state.dirty).toBe(true)

    const other = join(tempDir(), 'dc2.strata.json')
    const saved = await app.call<{ path: string }>('files:save-as', { path: other })
    expect(saved.ok && saved.value.path).toBe(other)
    expect(app.ctx.design.state).toMatchObject({ dirty: false, filePath: other })
    const back = readStrataFile(readFileSync(other))
    expect(back.ok && back.design).toEqual(app.ctx.design.design)
    expect(existsSync(backupPathOf(other))).toBe(false)
  })
})
