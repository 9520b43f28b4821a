/** The `strata` CLI: dispatches to one command; exit codes 0 ok, 1 problems, 2 usage. */
import { cutText } from '../../shared/domain/problem'
import { MAX_ERROR_MESSAGE_CHARS } from '../../shared/domain/result'
import { optionHelpLines, type CliIo } from './command'
import { COMMANDS } from './commands'
import { terminalSafe } from './terminal-safe'

/**
 * `text` with each of its lines cut to `MAX_ERROR_MESSAGE_CHARS` characters, as answers cut a
 * failure's message (review s9a #4: a 3,000,000-character policy was printed whole, 3 MB of
 * error output).
 */
export function cutErrorLines(text: string): string {
  if (text.length <= MAX_ERROR_MESSAGE_CHARS) return text
  return text
    .split('\n')
    .map((line) => cutText(line, MAX_ERROR_MESSAGE_CHARS))
    .join('\n')
}

/**
 * Runs `strata ARGV`: the exit code. Every line the command prints goes through
 * `terminalSafe` (a design's names cannot drive the terminal); every error line is cut
 * (`cutErrorLines`).
 */
export async function runCli(argv: string[], rawIo: CliIo): Promise<number> {
  const io: CliIo = {
    ...rawIo,
    out: (line) => rawIo.out(terminalSafe(line)),
    err: (line) => rawIo.err(terminalSafe(cutErrorLines(line))),
  }
  const [name, ...rest] = argv
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out('usage: strata COMMAND [ARGS]\n')
    for (const c of COMMANDS) io.out(`  ${c.usage.padEnd(58)} ${c.summary}`)
    return name ? 0 : 2
  }
  const command = COMMANDS.find((c) => c.name === name)
  if (!command) {
    io.err(`strata: unknown command "${name}" (try "strata help")`)
    return 2
  }
  // Every command answers --help (or -h) with its usage, before its own option parsing.
  const options = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest
  if (options.includes('--help') || options.includes('-h')) {
    io.out(`usage: ${command.usage}`)
    io.out(`  ${command.summary}`)
    if (command.options && Object.keys(command.options).length > 0) {
      io.out('options:')
      for (const line of optionHelpLines(command.options)) io.out(line)
    }
    return 0
  }
  return command.run(rest, io)
}
