/** The shape of a `strata` CLI command. One file per command in ./commands. */
import { parseArgs as nodeParseArgs } from 'node:util'

export interface CliIo {
  out: (line: string) => void
  err: (line: string) => void
  /** Working directory for relative paths. */
  cwd: string
}

export interface CliCommand {
  name: string
  /** One line for `strata help`. */
  summary: string
  /** Usage line(s), e.g. `strata validate FILE`. */
  usage: string
  /** Returns the process exit code (0 ok, 1 problems found, 2 usage error). */
  run: (args: string[], io: CliIo) => Promise<number>
}

/** The options of one command, as Node's `util.parseArgs` takes them. */
export type CliOptions = Record<
  string,
  { type: 'string' | 'boolean'; short?: string; multiple?: false }
>

/**
 * Parses a command's arguments with Node's own `util.parseArgs` in strict mode: unknown
 * options, a string option without its value and a value given to a boolean option are
 * refused the same way by every command. On refusal prints `strata NAME: why` and the usage
 * to `io.err` and returns undefined (the command then exits 2).
 */
export function parseCliArgs<const O extends CliOptions>(
  command: Pick<CliCommand, 'name' | 'usage'>,
  args: string[],
  options: O,
  io: CliIo,
) {
  try {
    return nodeParseArgs({ args, options, strict: true, allowPositionals: true })
  } catch (error) {
    const why = (error as Error).message.replace(/\. To specify .*$/s, '')
    io.err(`strata ${command.name}: ${why}`)
    io.err(`usage: ${command.usage}`)
    return undefined
  }
}
