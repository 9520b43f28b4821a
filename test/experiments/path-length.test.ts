/**
 * Design paths have one length limit (500 characters) in spec files and in the app, and an
 * error about a bad path echoes at most its first 80 characters (review s4, finding 16: a
 * 2 MB path came back in full, twice).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { strataIn } from '../support/strata-cli'
import { parseDesignPath } from '../../src/main/engine/experiments'
import { requestSchemas } from '../../src/shared/contract/schemas'
import { experimentSpecSchema, MAX_PATH_CHARS } from '../../src/shared/experiment/spec'

const spec = (key: string) =>
  experimentSpecSchema.safeParse({ schemaVersion: 1, name: 'x', design: 'd', vary: { [key]: [1] } })
const call = (key: string) =>
  requestSchemas['experiments:start'].safeParse({ vary: { [key]: [1] } })

describe('design path length', () => {
  it('allows 500 characters and refuses 501, in a spec and in the call alike', () => {
    expect(MAX_PATH_CHARS).toBe(500)
    const ok = `simulation.${'a'.repeat(500 - 'simulation.'.length)}`
    expect(spec(ok).success).toBe(true)
    expect(call(ok).success).toBe(true)
    for (const r of [spec(ok + 'a'), call(ok + 'a')])
      expect(JSON.stringify(r.error?.issues)).toContain('"maximum":500')
  })

  it('echoes at most 80 characters of a bad path', () => {
    const long = `racks[${'x'.repeat(2_000_000)}`
    const parsed = parseDesignPath(long)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.message.length).toBeLessThan(200)
  })
})

describe('a too-long key in a spec file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'strata-long-key-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('is refused in words, its path cut to 80 characters of the key (2 MB in, < 1 KB out)', async () => {
    const key = `simulation.${'x'.repeat(2_000_000)}`
    const file = join(dir, 'long.strata-experiment.json')
    writeFileSync(
      file,
      JSON.stringify({ schemaVersion: 1, name: 'x', design: {}, vary: { [key]: [1] } }),
    )
    const r = await strataIn(dir, 'experiment', 'run', file)
    expect(r.code).toBe(1)
    expect(r.err.length).toBeLessThan(1000)
    expect(r.err).toContain(
      // a key with dots is named in brackets (review s11 #5)
      `error at vary["${key.slice(0, 80)}…"]: bad key: a design path has at most 500 characters`,
    )
  })
})
