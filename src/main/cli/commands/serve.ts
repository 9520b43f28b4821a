import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { startServices } from '../../services'
import { appVersion, defaultPaths, findAppRoot, rendererDir } from '../../services/paths'
import { preloadPdfBrowser } from '../../services/reports/pdf'
import { destroyReportPool } from '../../services/reports/report-off-thread'
import { destroyImportPool } from '../../services/files/import-off-thread'
import { startWebHost } from '../../web/server'
import { parseCliArgs, type CliCommand, type CliOptions } from '../command'
import { printProblems, readDesignFile } from '../load-design-file'

/** How long a stopping host waits for its report jobs to answer their callers, in milliseconds. */
const STOP_JOBS_WAIT_MS = 3000

/** The options, with what `--help` says of each. */
const SERVE_OPTIONS = {
  port: { type: 'string', value: 'N', help: 'the port on 127.0.0.1', defaultText: 'any free port' },
  tenant: { type: 'string', value: 'ID', help: "print a tenant link for this tenant's view too" },
} as const satisfies CliOptions

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'serve the app in a browser on 127.0.0.1 and print its URL (with the token)',
  usage: 'strata serve [FILE] [--port N] [--tenant ID]',
  options: SERVE_OPTIONS,
  async run(args, io) {
    const parsed = parseCliArgs(this, args, SERVE_OPTIONS, io)
    if (!parsed) return 2
    const { positionals, values } = parsed
    if (positionals.length > 1) {
      io.err(`usage: ${this.usage}`)
      return 2
    }
    const root = findAppRoot()
    const dir = rendererDir(root)
    if (!existsSync(join(dir, 'index.html'))) {
      io.err(
        `strata serve: the renderer is not built (${dir} is missing); run "npm run build" first`,
      )
      return 1
    }
    let document: unknown
    let documentPath: string | undefined
    const file = positionals[0]
    if (file) {
      const loaded = readDesignFile(file, io.cwd)
      if (!loaded.ok) {
        io.err(loaded.message)
        printProblems({ out: io.err }, file, loaded.problems)
        return 1
      }
      document = loaded.design
      documentPath = loaded.path
    }
    const portFlag = values.port
    const port = portFlag !== undefined ? Number(portFlag) : 0
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      io.err(`strata serve: --port must be a port number, not "${String(portFlag)}"`)
      return 2
    }
    const services = startServices({
      version: appVersion(root),
      paths: defaultPaths(root),
      shell: { kind: 'web' },
      document,
      documentPath,
    })
    const host = await startWebHost(services, {
      rendererDir: dir,
      port,
      providerToken: process.env.STRATA_TOKEN || undefined,
    })
    const tenant = values.tenant
    if (typeof tenant === 'string') {
      if (!services.ctx.design.design.tenants.some((t) => t.id === tenant)) {
        io.err(`strata serve: no tenant "${tenant}" in the design`)
        await host.close()
        return 1
      }
      const token = host.tokens.mint({ role: 'tenant', tenantId: tenant })
      io.out(`Strata tenant view of ${tenant}: ${host.urlFor(token)}`)
    }
    // In the background, now rather than at the first PDF (review s8a #5).
    preloadPdfBrowser()
    io.out(`Strata is serving on ${host.url}`)
    io.out('Open that address in a browser; press Ctrl+C to stop.')
    await new Promise<void>((resolve) => {
      const stop = (): void => resolve()
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
    // Report jobs end first, while their callers' sockets are open (review s8a #6): waiting
    // ones never start, running ones' threads and printing ones' browsers stop, and each
    // caller is answered `cancelled`; only then do the pool and the host close.
    // Then the calls in progress (a save) are answered, and runs in progress named (review
    // s10a #9: the stop line named neither, and a save's caller was never answered).
    const jobs = services.ctx.reportJobs
    const ended = jobs.count
    const calls = host.callsInProgress().filter((name) => !name.startsWith('reports:'))
    const runs = services.ctx.runs.activeCount()
    const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`
    io.err(
      `strata serve: stopping${ended > 0 ? `, ending ${count(ended, 'report job')} in progress` : ''}` +
        `${calls.length > 0 ? `, answering ${count(calls.length, 'call')} in progress (${[...new Set(calls)].join(', ')})` : ''}` +
        `${runs > 0 ? `, stopping ${count(runs, 'simulation run')} in progress` : ''}`,
    )
    await jobs.stop(STOP_JOBS_WAIT_MS)
    await destroyReportPool()
    await destroyImportPool()
    await host.close()
    await services.dispose()
    return 0
  },
}
