/**
 * A web host in its own process, for hostile-client tests: if anything a client sends ended
 * the process (an uncaught exception, an unhandled rejection), the parent sees it exit. It
 * prints one JSON line `{origin, providerToken, tenantToken}` when listening, and answers
 * `stats` on stdin with `{stats, handled, internals, unhandledRejections, rssBytes,
 * heapUsedBytes, reportJobs, reportThreads}` (calls that reached each handler, calls answered
 * `internal`, report jobs running or waiting and report threads alive in the process's pool).
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { startServices } from '../../src/main/services'
import { reportJobsInPool, reportThreads } from '../../src/main/services/reports/report-off-thread'
import { startWebHost } from '../../src/main/web/server'

const root = mkdtempSync(join(tmpdir(), 'strata-hostile-'))
const rendererDir = join(root, 'renderer')
mkdirSync(join(rendererDir, 'assets'), { recursive: true })
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><div id="app">Strata</div>')
writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("strata")')
// A FIFO nobody writes to, for the fuzz to open and save to (it must neither hang nor write).
// And a private zero device (c 1 5, as /dev/zero), never the machine's own one.
for (const [command, args] of [
  ['mkfifo', [join(root, 'fifo.strata.json')]],
  ['mknod', [join(root, 'zero'), 'c', '1', '5']],
] as const) {
  try {
    execFileSync(command, [...args], { stdio: 'ignore' })
  } catch {
    /* not allowed here: the fuzz then meets a missing file instead */
  }
}

// An unhandled rejection would end the process (Node's default); it is counted instead, so
// that the fuzz can report (and assert) how many there were, and the process goes on serving.
let unhandledRejections = 0
process.on('unhandledRejection', (reason) => {
  unhandledRejections++
  console.error(`unhandled rejection: ${String(reason).slice(0, 300)}`)
})

const handled: Record<string, number> = {}
/** Calls answered `internal`, with the exception's text (each one a bug; the fuzz shows them). */
const internals: Array<{ call: string; role: string; error: string }> = []
const services = startServices({
  version: 'test',
  paths: { dataDir: join(root, 'data'), samplesDir: 'resources/samples' },
  shell: { kind: 'web' },
  dispatcher: {
    onHandle: (name, session) => {
      const key = `${session.role}:${name}`
      handled[key] = (handled[key] ?? 0) + 1
    },
    onInternal: (name, session, error) => {
      if (internals.length >= 200) return
      const text = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error)
      internals.push({ call: String(name), role: session.role, error: text.slice(0, 1500) })
    },
  },
})
const maxMessageBytes = Number(process.env.STRATA_TEST_MAX_MESSAGE_BYTES) || undefined
const host = await startWebHost(services, {
  rendererDir,
  providerToken: process.env.STRATA_TOKEN || undefined,
  maxMessageBytes,
})
const tenantToken = host.tokens.mint({ role: 'tenant', tenantId: 't-globex' })
process.stdout.write(
  JSON.stringify({
    origin: host.origin,
    providerToken: new URL(host.url).searchParams.get('token'),
    tenantToken,
    root,
  }) + '\n',
)
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() === 'stats') {
    // Collected first (when exposed), so the figure is what is kept, not garbage not yet freed.
    ;(globalThis as { gc?: () => void }).gc?.()
    const { rss: rssBytes, heapUsed: heapUsedBytes } = process.memoryUsage()
    process.stdout.write(
      JSON.stringify({
        stats: host.stats,
        handled,
        internals,
        unhandledRejections,
        rssBytes,
        heapUsedBytes,
        reportJobs: reportJobsInPool(),
        reportThreads: reportThreads(),
      }) + '\n',
    )
  }
})
process.stdin.on('end', () => {
  void host
    .close()
    .then(() => services.dispose())
    .then(() => process.exit(0))
})
