/**
 * The CLI never prints a control sequence from a design (review s7a #5): a design whose name,
 * tenant and workload names carry ESC/OSC/CSI sequences, a BEL, a C1 CSI and a right-to-left
 * override is run through `info`, `validate`, `place` and `simulate` as real child processes;
 * their whole output has none of those characters, and shows them as visible `\uXXXX` escapes.
 * The escape form is JSON's own, so printed JSON reads back to the same value (the oracle is
 * `JSON.parse`).
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { terminalSafe } from '../../src/main/cli/terminal-safe'

const ROOT = join(import.meta.dirname, '..', '..')
const CLI = join(ROOT, 'src', 'main', 'cli', 'index.ts')
const dir = mkdtempSync(join(tmpdir(), 'strata-terminal-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Characters a terminal obeys: C0 but tab and line feed, DEL, C1, bidi controls. */
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/

const EVIL_NAME = 'Evil\u001b]0;PWNED-TITLE\u0007\u001b[2J\u001b[31mRED\u202eRTL\u009b31m'
const EVIL_TENANT = 'Acme\u001b[5mBLINK\u001b]8;;http://evil.example/\u0007link\u001b]8;;\u0007'
const EVIL_WORKLOAD = 'acme web\u001b[1Abold'

describe('terminalSafe', () => {
  it('leaves no character a terminal obeys, keeps every other one, and keeps JSON JSON', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const safe = terminalSafe(s)
        expect(UNSAFE.test(safe)).toBe(false)
        if (!UNSAFE.test(s)) expect(safe).toBe(s)
        expect(JSON.parse(terminalSafe(JSON.stringify(s)))).toBe(s)
      }),
    )
    expect(terminalSafe('a\u001b[31mb\tc\nd')).toBe('a\\u001b[31mb\tc\nd')
  })
})

describe('the CLI on a design with hostile names', () => {
  const design = JSON.parse(
    readFileSync(join(ROOT, 'resources', 'samples', 'two-hall.strata.json'), 'utf8'),
  ) as {
    meta: { name: string }
    tenants: Array<{ id: string; name: string }>
    workloads: Array<{ tenantId: string; name: string }>
  }
  design.meta.name = EVIL_NAME
  design.tenants[0]!.name = EVIL_TENANT
  design.workloads.find((w) => w.tenantId === design.tenants[0]!.id)!.name = EVIL_WORKLOAD
  const file = join(dir, 'evil-names.strata.json')
  writeFileSync(file, JSON.stringify(design))

  // Since review s11 #5 such names are refused by the design schema itself: every command
  // refuses the file, naming each field and the character, and still prints none of them.
  for (const args of [['info'], ['validate'], ['place'], ['simulate']]) {
    it(
      `strata ${args[0]} refuses the names, naming each field, and prints no control`,
      { timeout: 120_000 },
      () => {
        const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args, file], {
          cwd: ROOT,
          encoding: 'utf8',
          timeout: 110_000,
        })
        const printed = `${r.stdout}${r.stderr}`
        expect(r.status, printed).not.toBe(0)
        expect(printed.match(UNSAFE)?.[0]).toBeUndefined()
        expect(printed).toContain('meta.name: contains U+001B')
        expect(printed).toContain('tenants[0].name: contains U+001B')
        expect(printed).toMatch(/workloads\[\d+\]\.name: contains U\+001B/)
      },
    )
  }
})
