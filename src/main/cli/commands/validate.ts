import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { hasErrors, validateDesign } from '../../engine'
import type { CliCommand } from '../command'
import { printProblems } from '../load-design-file'

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'check a design file and print every problem with its JSON path',
  usage: 'strata validate FILE',
  async run(args, io) {
    const file = args[0]
    if (!file || args.length > 1) {
      io.err(`usage: ${this.usage}`)
      return 2
    }
    const path = resolve(io.cwd, file)
    let raw: unknown
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'))
    } catch (error) {
      io.err(`${file}: error: ${(error as Error).message}`)
      return 1
    }
    const problems = validateDesign(raw)
    printProblems(io, file, problems)
    const errors = problems.filter((p) => p.severity === 'error').length
    io.out(`${file}: ${errors} error(s), ${problems.length - errors} warning(s)`)
    return hasErrors(problems) ? 1 : 0
  },
}
