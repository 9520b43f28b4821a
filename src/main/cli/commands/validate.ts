import { checkDesignRules, hasErrors } from '../../engine'
import { parseCliArgs, type CliCommand } from '../command'
import { printProblems, readDesignFile } from '../load-design-file'

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'check a design file and print every problem with its JSON path',
  usage: 'strata validate FILE',
  async run(args, io) {
    const parsed = parseCliArgs(this, args, {}, io)
    if (!parsed) return 2
    const file = parsed.positionals[0]
    if (!file || parsed.positionals.length > 1) {
      io.err(`usage: ${this.usage}`)
      return 2
    }
    const loaded = readDesignFile(file, io.cwd)
    if (!loaded.ok && loaded.problems.length === 0) {
      io.out(`${file}: error: ${loaded.message}`)
      return 1
    }
    const problems = loaded.ok
      ? [...loaded.warnings, ...checkDesignRules(loaded.design)]
      : loaded.problems
    printProblems(io, file, problems)
    const errors = problems.filter((p) => p.severity === 'error').length
    io.out(`${file}: ${errors} error(s), ${problems.length - errors} warning(s)`)
    return hasErrors(problems) ? 1 : 0
  },
}
