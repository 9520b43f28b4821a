/**
 * The engine has no clock and no unseeded randomness (docs/DESIGN.md): `Date`, `Math.random`
 * and the global object or reflection that would reach them are lint errors in
 * src/main/engine and src/shared. Planted through ESLint's Node API, like walls.test.ts.
 */
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

/** The purity rules' ids ESLint reports for `source` at `filePath`. */
async function purityRules(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath })
  const messages = result?.messages ?? []
  const unlinted = messages.find((m) => m.ruleId === null)
  if (unlinted) throw new Error(`${filePath} was not linted: ${unlinted.message}`)
  return messages
    .map((m) => m.ruleId ?? '')
    .filter((id) => id === 'no-restricted-globals' || id === 'no-restricted-properties')
}

const PLANTED: Array<[string, string]> = [
  ['Date.now()', 'export const t = Date.now()\n'],
  ['Math.random()', 'export const r = Math.random()\n'],
  ['globalThis.Date', 'export const t = globalThis.Date.now()\n'],
  ['globalThis.Math.random', 'export const r = globalThis.Math.random()\n'],
  ['Reflect.get(globalThis)', "export const D = Reflect.get(globalThis, 'Date')\n"],
  ['window.Math', 'export const r = window.Math.random()\n'],
  ['self.Date', 'export const t = self.Date.now()\n'],
]

describe('engine purity (no clock, no unseeded randomness)', () => {
  for (const file of ['src/main/engine/simulation/x.ts', 'src/shared/domain/x.ts'])
    for (const [what, source] of PLANTED)
      it(`${what} in ${file} is refused`, async () => {
        expect((await purityRules(file, source)).length).toBeGreaterThan(0)
      })

  it('seeded randomness and plain arithmetic pass', async () => {
    const clean = 'export const next = (seed: number): number => (seed * 48271) % 2147483647\n'
    expect(await purityRules('src/main/engine/random-x.ts', clean)).toEqual([])
  })
})
