/** The shape of a `strata` CLI command. One file per command in ./commands. */

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

/** Splits `--flag value`, `--flag=value`, `--bool` and positionals. Flags named in `booleans` take no value. */
export function parseArgs(
  args: string[],
  booleans: readonly string[] = [],
): { positionals: string[]; flags: Map<string, string | true> } {
  const positionals: string[] = []
  const flags = new Map<string, string | true>()
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string
    if (arg === '--') {
      positionals.push(...args.slice(i + 1))
      break
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=')
      if (eq > 0) flags.set(arg.slice(2, eq), arg.slice(eq + 1))
      else if (booleans.includes(arg.slice(2))) flags.set(arg.slice(2), true)
      else {
        const value = args[i + 1]
        if (value === undefined || value.startsWith('--')) flags.set(arg.slice(2), true)
        else {
          flags.set(arg.slice(2), value)
          i++
        }
      }
    } else if (arg.startsWith('-') && arg.length === 2) {
      const value = args[i + 1]
      if (value !== undefined) {
        flags.set(arg.slice(1), value)
        i++
      } else flags.set(arg.slice(1), true)
    } else positionals.push(arg)
  }
  return { positionals, flags }
}
