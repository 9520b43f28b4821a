/**
 * Runs the `strata` command in this process: its arguments, stdout and stderr, its exit code.
 * Loaded by `index.ts` once the early interrupt handler is in place.
 */
import { FileIoError } from '../services/files/io-errors'
import { runCli } from './main'
import { terminalSafe } from './terminal-safe'

// A closed pipe (strata ... | head) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0)
})

const io = {
  out: (line: string) => process.stdout.write(line + '\n'),
  err: (line: string) => process.stderr.write(line + '\n'),
  cwd: process.env.INIT_CWD ?? process.cwd(),
}

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    // A file that could not be read or written is the user's to fix: its message names it and
    // says why; a stack trace is for a bug.
    const text =
      error instanceof FileIoError
        ? error.message
        : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error)
    io.err(terminalSafe(`strata: ${text}`))
    process.exitCode = 1
  },
)
