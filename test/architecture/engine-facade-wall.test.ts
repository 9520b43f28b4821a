/**
 * The engine facade names its exports: `export *` in src/main/engine/index.ts is a lint error
 * (eslint.config.js), so the facade's list is the engine's whole public surface. Deep imports
 * into the engine from outside it are the `engine-facade` wall, planted in walls.test.ts.
 */
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })
const FACADE = 'src/main/engine/index.ts'

/** The `no-restricted-syntax` messages ESLint gives `source` as the facade. */
async function facadeMessages(source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: FACADE })
  const messages = result?.messages ?? []
  const unlinted = messages.find((m) => m.ruleId === null)
  if (unlinted) throw new Error(`${FACADE} was not linted: ${unlinted.message}`)
  return messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message)
}

describe('engine facade', () => {
  it('rejects `export *`', async () => {
    expect(await facadeMessages(`export * from './tenancy'\n`)).toEqual([
      'The engine facade names every export; no `export *`.',
    ])
  })

  it('accepts named exports', async () => {
    expect(await facadeMessages(`export { projectTenantView } from './tenancy'\n`)).toEqual([])
  })
})
