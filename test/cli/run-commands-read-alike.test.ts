/**
 * `strata simulate`, `place` and `report` open and refuse a design the same way (issue 10):
 * the one file reader (so older files migrate and open in all three), then the design rules
 * (an invalid design exits 1 naming each problem's JSON path). Real files, the real CLI.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { strata } from '../support/strata-cli'

const dir = mkdtempSync(join(tmpdir(), 'strata-i10-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const ZERO_CORE = 'test/fixtures/cases/simulation/zero-core-host.strata.json'
const commands: Array<[string, string[]]> = [
  ['simulate', []],
  ['place', []],
  ['report', ['--csv', join(dir, 'csv')]],
]

describe('commands that run a design read and refuse it alike', () => {
  for (const [command, extra] of commands) {
    it(`${command} refuses the zero-core host with exit 1, naming hosts[0].coresPerSocket`, async () => {
      const r = await strata(command, ZERO_CORE, ...extra)
      expect(r.code).toBe(1)
      expect(r.err).toContain('hosts[0].coresPerSocket')
      expect(r.out).not.toMatch(/NaN|Infinity|null/)
    })

    it(`${command} opens an older (v0) file through the migrations, as place does`, async () => {
      const r = await strata(command, 'test/fixtures/files/v0-prototype.strata.json', ...extra)
      expect(r.err).not.toMatch(/cannot be opened|not a valid design/)
      expect(r.code).toBe(0)
    })
  }

  it('simulate prints finite figures for a valid design', async () => {
    const r = await strata('simulate', 'test/fixtures/cases/simulation/one-vm-one-hour.strata.json')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/Energy +0\.12500 kWh/)
    expect(r.out).not.toMatch(/NaN|Infinity|null/)
  })
})
