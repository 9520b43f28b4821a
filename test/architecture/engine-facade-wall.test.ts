/**
 * The engine facade wall (eslint.config.js): code outside src/main/engine imports the engine
 * only through src/main/engine/index.ts, and the facade names its exports (no `export *`).
 * Each case lints a planted source text with the project's real ESLint config, as if it were
 * a file at `filePath` (the file need not exist), and checks what the wall says.
 */
import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const eslint = new ESLint({ cwd: root, overrideConfigFile: resolve(root, 'eslint.config.js') })

const WALL_RULE = '@typescript-eslint/no-restricted-imports'
const WALL_MESSAGE = 'Import the engine through its facade'

/** Messages of the facade wall for `code` linted as the file at `filePath` (from the root). */
async function wallMessages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, filePath) })
  const messages = result?.messages ?? []
  // A file ESLint ignores or cannot parse would pass every "allows" case unseen.
  const unlinted = messages.find((m) => m.ruleId === null)
  if (unlinted) throw new Error(`${filePath} was not linted: ${unlinted.message}`)
  return messages
    .filter((m) => m.ruleId === WALL_RULE || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message)
}

describe('engine facade wall', () => {
  it.each([
    ['a service importing a part', 'src/main/services/x.ts', '../engine/simulation'],
    ['a service importing a file', 'src/main/services/x.ts', '../engine/model/parse'],
    ['a nested service', 'src/main/services/a/b/x.ts', '../../../engine/persistence/read-file'],
    ['the cli', 'src/main/cli/commands/x.ts', '../../engine/import/planetlab'],
    ['the web host', 'src/main/web/x.ts', '../engine/reports/html'],
    ['a script', 'scripts/bench/x.ts', '../../src/main/engine/simulation/pabfd'],
    ['the renderer', 'src/renderer/src/stores/x.ts', '../../../main/engine/scheduler'],
  ])('rejects a deep import from %s', async (_who, filePath, source) => {
    const messages = await wallMessages(`import { x } from '${source}'\nexport { x }\n`, filePath)
    expect(messages).toHaveLength(1)
    expect(messages[0]).toContain(WALL_MESSAGE)
  })

  it('rejects a re-export from inside the engine', async () => {
    const code = `export { parsePolicy } from '../../engine/simulation/policy'\n`
    const messages = await wallMessages(code, 'src/main/services/x.ts')
    expect(messages).toEqual([expect.stringContaining(WALL_MESSAGE)])
  })

  it.each([
    ['the facade by folder', 'src/main/services/x.ts', '../engine'],
    ['the facade by file', 'src/main/services/x.ts', '../engine/index'],
    ['the facade from a script', 'scripts/x.ts', '../src/main/engine'],
  ])('allows %s', async (_what, filePath, source) => {
    const code = `import { x } from '${source}'\nexport { x }\n`
    expect(await wallMessages(code, filePath)).toEqual([])
  })

  it.each([
    ['an engine file', 'src/main/engine/reports/x.ts', '../simulation/policy'],
    ['a co-located test', 'src/main/services/x.test.ts', '../engine/simulation/policy'],
    ['a test under test/', 'test/general/x.test.ts', '../../src/main/engine/simulation/policy'],
  ])('lets %s reach internals', async (_who, filePath, source) => {
    const code = `import { x } from '${source}'\nexport { x }\n`
    expect(await wallMessages(code, filePath)).toEqual([])
  })

  it('rejects `export *` in the facade', async () => {
    const messages = await wallMessages(`export * from './tenancy'\n`, 'src/main/engine/index.ts')
    expect(messages).toEqual(['The engine facade names every export; no `export *`.'])
  })
})
