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
  /** Its options, with their meaning and default, as `--help` lists them (review s7u #10e). */
  options?: CliOptions
}

/** One option: as Node's `util.parseArgs` takes it, plus what `--help` says of it. */
export interface CliOption {
  type: 'string' | 'boolean'
  short?: string
  multiple?: false
  /** The value's name in `--help` (`N`, `FILE`); booleans have none. */
  value?: string
  /** What it means, in one line. */
  help?: string
  /** What applies when it is not given (omitted: nothing, or said in `help`). */
  defaultText?: string
}

/** The options of one command. */
export type CliOptions = Record<string, CliOption>

/** The options as Node's `util.parseArgs` takes them (type, short, multiple only). */
export function nodeOptions<const O extends CliOptions>(
  options: O,
): { [K in keyof O]: Pick<O[K], 'type' | 'short' | 'multiple'> } {
  const out: Record<string, Pick<CliOption, 'type' | 'short' | 'multiple'>> = {}
  for (const [name, o] of Object.entries(options))
    out[name] = { type: o.type, ...(o.short ? { short: o.short } : {}) }
  return out as { [K in keyof O]: Pick<O[K], 'type' | 'short' | 'multiple'> }
}

/**
 * The lines `--help` prints for `options`: `  --east-west P   meaning (default: …)`, one per
 * option, from the same spec the command parses with.
 */
export function optionHelpLines(options: CliOptions): string[] {
  const rows = Object.entries(options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : ''}--${name}${o.value ? ` ${o.value}` : ''}`
    const tail = o.defaultText ? ` (default: ${o.defaultText})` : ''
    return [flag, `${o.help ?? ''}${tail}`] as const
  })
  const width = Math.max(0, ...rows.map(([flag]) => flag.length))
  return rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`)
}

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
    return nodeParseArgs({
      args: negativeValuesJoined(args, options),
      // the same keys and types: the values stay typed by `options`
      options: nodeOptions(options) as unknown as O,
      strict: true,
      allowPositionals: true,
    })
  } catch (error) {
    const why = (error as Error).message.replace(/\. To specify .*$/s, '')
    io.err(`strata ${command.name}: ${why}`)
    io.err(`usage: ${command.usage}`)
    return undefined
  }
}

/**
 * `args` with each negative number that follows a string option joined to it (`--hosts -5` as
 * `--hosts=-5`): Node's parser takes `-5` for an option and says "argument is ambiguous"; the
 * command's own check then says what the value must be (review s9a #6). Every command that
 * parses with Node's parser passes its arguments through this.
 */
export function negativeValuesJoined(
  args: readonly string[],
  options: Readonly<Record<string, { type: string; short?: string }>>,
): string[] {
  const byShort = new Map(Object.entries(options).map(([name, o]) => [o.short, name]))
  const out: string[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string
    if (arg === '--') return [...out, ...args.slice(i)]
    const name = arg.startsWith('--') ? arg.slice(2) : byShort.get(/^-(\w)$/.exec(arg)?.[1])
    const next = args[i + 1]
    if (name && options[name]?.type === 'string' && next && /^-\.?\d/.test(next)) {
      out.push(`--${name}=${next}`)
      i++
    } else out.push(arg)
  }
  return out
}
