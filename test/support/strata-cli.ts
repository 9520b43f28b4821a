/** Runs the real `strata` CLI in-process and collects what it prints (for tests only). */
import { runCli } from '../../src/main/cli/main'

export interface CliRun {
  code: number
  out: string
  err: string
}

/** `strata ARGV…` run in the folder `cwd`: its exit code and what it printed. */
export async function strataIn(cwd: string, ...argv: string[]): Promise<CliRun> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

/** `strata ARGV…` in the test run's working folder. */
export const strata = (...argv: string[]): Promise<CliRun> => strataIn(process.cwd(), ...argv)
