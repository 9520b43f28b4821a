/**
 * Names and ids with control or bidirectional-override characters (review s11 #5): U+202E
 * turned "exe.txt" into what reads as "txt.exe" in the app, reports and CSV, and a NUL or an
 * escape sequence reached terminals. The design schema refuses them, naming the field and the
 * character, wherever a design comes from (file, import, edit, tenant); and a spec key with a
 * dot is named in brackets (`specs["a.b"].cpu`), so its path is not ambiguous.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkIntegrity, importNetboxCsv } from '../../src/main/engine'
import { formatPath } from '../../src/shared/domain/problem'
import { UNSAFE_TEXT_CHARS } from '../../src/shared/design/text'
import { makeApp, SAMPLE_TEXT } from '../files/helpers'

const sample = JSON.parse(SAMPLE_TEXT) as {
  meta: { name: string }
  tenants: Array<{ name: string }>
  hosts: Array<{ id: string; name: string }>
}

describe('names with control or bidirectional-override characters', () => {
  it('are refused by the design schema, naming the field and the character', () => {
    const bad = structuredClone(sample)
    bad.tenants[0]!.name = 'Acme\u202Etxt.exe'
    bad.hosts[0]!.name = 'kvm\u0000'
    bad.meta.name = 'x\u001b[31m'
    const { design, problems } = checkIntegrity(bad)
    expect(design).toBeUndefined()
    const text = problems.map((p) => `${p.path}: ${p.message}`)
    expect(text).toContain(
      'tenants[0].name: contains U+202E (a control or bidirectional-override character); remove it',
    )
    expect(text).toContain(
      'hosts[0].name: contains U+0000 (a control or bidirectional-override character); remove it',
    )
    expect(text).toContain(
      'meta.name: contains U+001B (a control or bidirectional-override character); remove it',
    )
  })

  it('every such character in any name is refused; ordinary text of any script is kept', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }),
        fc.constantFrom(...UNSAFE_TEXT_CHARS),
        (text, bad) => {
          const d = structuredClone(sample)
          d.tenants[0]!.name = `T${text}${bad}`
          expect(checkIntegrity(d).design).toBeUndefined()
        },
      ),
    )
    const d = structuredClone(sample)
    d.tenants[0]!.name = 'Société Générale — 東京 عربي'
    expect(checkIntegrity(d).design?.tenants[0]?.name).toBe('Société Générale — 東京 عربي')
  })

  it('in a NetBox import and an edit: refused with the field named', async () => {
    const r = importNetboxCsv('name,role,site\nsrv\u202E-1,server,DC\n', 'x')
    expect(r.ok).toBe(false)
    expect(!r.ok && r.problems.map((p) => p.path)).toContain('hosts[0].name')
    const app = makeApp()
    const edit = await app.call('design:apply', {
      command: { type: 'set-meta', patch: { name: 'a\u2066b' } },
    })
    expect(!edit.ok && edit.error.message).toMatch(/contains U\+2066/)
  })
})

describe('paths to keys with dots', () => {
  it('are written in brackets', () => {
    expect(formatPath(['specs', 'a.b', 'cpu'])).toBe('specs["a.b"].cpu')
    expect(formatPath(['hosts', 0, 'name'])).toBe('hosts[0].name')
    expect(formatPath(['a b', 'x'])).toBe('["a b"].x')
  })
})
