/** Electron's native dialogs through the shell capabilities: chosen paths are used, a cancel changes nothing. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SAMPLE_TEXT, makeApp, tempDir } from './helpers'

describe('native dialogs', () => {
  it('opens and saves through showOpenDialog / showSaveDialog, and a cancel is `cancelled`', async () => {
    const app = makeApp()
    const dir = tempDir()
    const source = join(dir, 'in.strata.json')
    writeFileSync(source, SAMPLE_TEXT)
    let answer: string | undefined = source
    app.ctx.shell.showOpenDialog = async () => answer
    app.ctx.shell.showSaveDialog = async (o) =>
      answer === undefined ? undefined : join(dir, o.defaultPath ?? 'x')
    const opened = await app.call('files:open', {})
    expect(opened.ok).toBe(true)
    expect(app.ctx.design.state.filePath).toBe(source)
    answer = 'out.strata.json'
    app.ctx.shell.showSaveDialog = async () => join(dir, 'out.strata.json')
    const saved = await app.call<{ path: string }>('files:save-as', {})
    expect(saved.ok && saved.value.path).toBe(join(dir, 'out.strata.json'))
    answer = undefined
    app.ctx.shell.showSaveDialog = async () => undefined
    const before = app.ctx.design.state
    const cancelled = await app.call('files:open', {})
    expect(!cancelled.ok && cancelled.error.code).toBe('cancelled')
    const cancelledSave = await app.call('files:save-as', {})
    expect(!cancelledSave.ok && cancelledSave.error.code).toBe('cancelled')
    expect(app.ctx.design.state).toEqual(before)
  })
})
