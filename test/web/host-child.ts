/**
 * A web host in its own process, for hostile-client tests: if anything a client sends ended
 * the process (an uncaught exception, an unhandled rejection), the parent sees it exit. It
 * prints one JSON line `{origin, providerToken, tenantToken}` when listening, and answers
 * `stats` on stdin with `{stats, handled, rssBytes}` (calls that reached each handler).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { startServices } from '../../src/main/services'
import { startWebHost } from '../../src/main/web/server'

const root = mkdtempSync(join(tmpdir(), 'strata-hostile-'))
const rendererDir = join(root, 'renderer')
mkdirSync(join(rendererDir, 'assets'), { recursive: true })
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><div id="app">Strata</div>')
writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("strata")')

const handled: Record<string, number> = {}
const services = startServices({
  version: 'test',
  paths: { dataDir: join(root, 'data'), samplesDir: 'resources/samples' },
  shell: { kind: 'web' },
  dispatcher: {
    onHandle: (name, session) => {
      const key = `${session.role}:${name}`
      handled[key] = (handled[key] ?? 0) + 1
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
      JSON.stringify({ stats: host.stats, handled, rssBytes, heapUsedBytes }) + '\n',
    )
  }
})
process.stdin.on('end', () => {
  void host
    .close()
    .then(() => services.dispose())
    .then(() => process.exit(0))
})
