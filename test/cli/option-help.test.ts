/**
 * Review s7u #10e: `--help` gave only the usage line; `generate --help` did not say what
 * `--east-west P` means or its default. Every command that describes its options lists each
 * one with its meaning (and default), from the same spec it parses with.
 */
import { describe, expect, it } from 'vitest'
import { COMMANDS } from '../../src/main/cli/commands'
import { runCli } from '../../src/main/cli/main'

async function help(name: string): Promise<string[]> {
  const out: string[] = []
  const code = await runCli([name, '--help'], { out: (l) => out.push(l), err: () => {}, cwd: '.' })
  expect(code).toBe(0)
  return out
}

describe('--help lists each option with its meaning and default (review s7u #10e)', () => {
  it('generate says what --east-west P means and its default', async () => {
    const lines = await help('generate')
    const eastWest = lines.find((l) => l.trimStart().startsWith('--east-west P'))
    expect(eastWest).toContain('0.05 Gbps')
    expect(eastWest).toContain('(default: 2, thinned')
    expect(lines.some((l) => l.trimStart().startsWith('-o, --out OUT'))).toBe(true)
  })

  it.each(COMMANDS.filter((c) => c.options).map((c) => c.name))(
    '%s: one line per option, each with a meaning',
    async (name) => {
      const command = COMMANDS.find((c) => c.name === name)
      const lines = await help(name)
      expect(lines).toContain('options:')
      for (const [option, spec] of Object.entries(command?.options ?? {})) {
        const line = lines.find((l) => new RegExp(`(^|, )--${option}( |$)`).test(l.trim()))
        expect(line, `--${option}`).toBeDefined()
        expect(spec.help, `--${option} has a meaning`).toBeTruthy()
        expect(line).toContain(spec.help as string)
        if (spec.defaultText) expect(line).toContain(`(default: ${spec.defaultText})`)
      }
    },
  )
})
