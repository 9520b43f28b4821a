/**
 * Every reader of a user's JSON file refuses a file that is not JSON without quoting any of it
 * (closing note s6 "Not fixed": the app's open quoted the first character; the experiment
 * store and `strata report` passed on V8's message, which quotes up to 30 characters). A
 * planted secret in a real file, read through the contract (`files:open` by path and by
 * upload), the stored run records and an experiment's results.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RunStore } from '../../src/main/services/experiments/store'
import { readExperimentResults } from '../../src/main/services/reports/experiment-report'
import { makeApp, tempDir } from './helpers'

const SECRET = 'AKIAhunter2'
const TEXT = `password=${SECRET}\nPATH=/bin\n`

/** What a refusal said must hold no part of the file (nor its first character, quoted). */
function expectNoEcho(said: string): void {
  for (const part of [SECRET, 'hunter', 'password', 'PATH', '"p"', "'p'"])
    expect(said).not.toContain(part)
}

describe('a file that is not JSON', () => {
  it('is refused by the app open (by path and by upload) naming line and column only', async () => {
    const app = makeApp()
    await app.call('design:open-sample', { name: 'two-hall' })
    const before = app.ctx.design.design
    const file = join(tempDir(), 'env.strata.json')
    writeFileSync(file, TEXT)
    const byPath = await app.call('files:open', { path: file })
    const byUpload = await app.call('files:open', { contents: TEXT, name: 'env.strata.json' })
    for (const r of [byPath, byUpload]) {
      expect(r.ok).toBe(false)
      if (r.ok) return
      expect(r.error.problems?.[0]).toMatchObject({
        path: '',
        message: 'line 1, column 1: found a letter where a value was expected',
      })
      expectNoEcho(JSON.stringify(r))
    }
    expect(app.ctx.design.design).toBe(before)
  })

  it("is named in the experiment store's warning without its text", () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'runs'), { recursive: true })
    const id = 'r1'.padEnd(64, '0').replace('r', 'f') // a run id: 64 hex digits
    writeFileSync(join(dir, 'runs', `${id}.json`), TEXT)
    const warnings: string[] = []
    expect(new RunStore(dir).open().read(id, (m) => warnings.push(m))).toBeUndefined()
    expect(warnings).toEqual([
      `runs/${id}.json: not JSON (line 1, column 1: found a letter where a value was expected); it is run again`,
    ])
  })

  it("is refused by the experiment report's reader without its text", () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'results.json'), TEXT)
    let message = ''
    try {
      readExperimentResults(dir)
    } catch (e) {
      message = (e as Error).message
    }
    expect(message).toContain('results.json is not valid JSON (line 1, column 1)')
    expectNoEcho(message)
  })
})
