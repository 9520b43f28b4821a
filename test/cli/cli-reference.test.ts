/**
 * `--help` and the README's `strata` reference had two sources, written apart (the README's
 * `strata place` had no `--seed`; `report --csv` was `DIR` in `--help` and a zip in the usage).
 * Now the README's block is made from the commands' definitions (`npm run cli-reference`) and
 * must be current, and each command's usage names exactly the options it parses, with the same
 * value names.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { format, resolveConfig } from 'prettier'
import { describe, expect, it } from 'vitest'
import { cliReferenceMarkdown, withReference } from '../../src/main/cli/cli-reference'
import { COMMANDS } from '../../src/main/cli/commands'

const README = join(__dirname, '../../README.md')

/** `--name VALUE` (or `-o VALUE`) pairs of a usage text; a flag without a value maps to ''. */
function usageFlags(usage: string): Map<string, string> {
  const flags = new Map<string, string>()
  for (const m of usage.matchAll(/(?:^|[\s[])(--?[a-z][a-z-]*)(?: ([^\s[\]-][^\s[\]]*))?/g))
    flags.set(m[1] as string, m[2] ?? '')
  return flags
}

describe("the README's strata reference", () => {
  it('is what `npm run cli-reference` makes from the commands now', async () => {
    const text = readFileSync(README, 'utf8')
    const config = (await resolveConfig(README)) ?? {}
    const current = await format(withReference(text, cliReferenceMarkdown(COMMANDS)), {
      ...config,
      filepath: README,
    })
    expect(text, 'run `npm run cli-reference`').toBe(current)
  })

  it('lists every command and every option, with the value names --help shows', () => {
    const block = cliReferenceMarkdown(COMMANDS)
    for (const c of COMMANDS) {
      expect(block).toContain(`\`${c.usage.split('\n')[0]?.replace(/\|/g, '\\|')}\``)
      for (const [name, o] of Object.entries(c.options ?? {}))
        expect(block, `${c.name} --${name}`).toContain(
          `--${name}${o.value ? ` ${o.value.replace(/\|/g, '\\|')}` : ''}\``,
        )
    }
  })
})

describe('each usage names exactly the options its command parses', () => {
  it.each(COMMANDS.map((c) => c.name))('%s', (name) => {
    const c = COMMANDS.find((x) => x.name === name)
    const inUsage = usageFlags(c?.usage ?? '')
    const parsed = new Map<string, string>()
    for (const [option, o] of Object.entries(c?.options ?? {}))
      parsed.set(o.short ? `-${o.short}` : `--${option}`, o.value ?? '')
    expect(Object.fromEntries(inUsage)).toEqual(Object.fromEntries(parsed))
  })
})
