/** Entry of the `strata` command (npm run strata -- ..., or the package bin). */
import { exitOnOldNode } from '../../../scripts/node-version.mjs'
import { runCli } from './main'

exitOnOldNode()

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
    io.err(`strata: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    process.exitCode = 1
  },
)
