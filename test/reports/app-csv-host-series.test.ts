/**
 * The app's exports keep every per-host series (review s10u A1: the app's CSV had a `time_s`
 * column and no host, its PDF "No data.", its saved file `series.hosts: []`). Oracle: the CLI's
 * `strata report --csv` of the same file and seed, an independent path (it places and
 * simulates in-process, no run kept in main). `student-3-hosts.strata.json` is the review's
 * student design (drawn in the app, its saved results dropped); the 80-host design is
 * `strata generate`'s.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services'
import type { ReportExport } from '../../src/shared/contract/calls/reports'
import { strataIn } from '../support/strata-cli'
import { testServices } from '../support/services/test-services'
import { readZip } from './read-zip'

const provider = { role: 'provider' } as const
let services: Services | undefined
afterEach(async () => {
  await services?.dispose()
  services = undefined
})

async function call<T>(name: string, request: unknown = {}): Promise<T> {
  const r = await (services as Services).dispatch(provider, name as never, request as never)
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`)
  return r.value as T
}

async function runToEnd(): Promise<{ hostSeries?: string; hostSeriesNote?: string }> {
  const { runId } = await call<{ runId: string }>('simulation:start')
  for (;;) {
    const info = await call<{ status: string; hostSeries?: string }>('simulation:get', {
      runId,
      lean: true,
    })
    if (info.status !== 'running' && info.status !== 'paused') {
      expect(info.status).toBe('done')
      return info
    }
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** The app's CSV zip: entry base name -> text. */
async function appCsv(dir: string): Promise<Map<string, string>> {
  const r = await call<ReportExport>('reports:export', { format: 'csv' })
  const zip = join(dir, 'app.zip')
  writeFileSync(zip, Buffer.from(r.contents, 'base64'))
  return byBaseName(readZip(zip))
}

const byBaseName = (m: Map<string, string>): Map<string, string> =>
  new Map([...m].map(([k, v]) => [k.split('/').pop() as string, v]))

const header = (csv: string | undefined): string[] => (csv ?? '').split(/\r?\n/)[0]!.split(',')

const PER_HOST = [
  'series-host-utilization.csv',
  'series-host-power.csv',
  'series-host-instances.csv',
] as const

async function compare(design: string, hosts: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'strata-app-csv-'))
  const cliZip = join(dir, 'cli.zip')
  const cli = await strataIn(dir, 'report', design, '--csv', cliZip)
  expect(cli.code, cli.err).toBe(0)
  const fromCli = byBaseName(readZip(cliZip))

  services = testServices()
  await call('files:open', { path: design, discardChanges: true })
  const info = await runToEnd()
  expect(info.hostSeries).toBe('kept')
  const fromApp = await appCsv(dir)
  for (const name of PER_HOST) {
    // a time column and one column per host, each as the CLI's
    expect(header(fromApp.get(name)), name).toHaveLength(1 + hosts)
    expect(fromApp.get(name), name).toBe(fromCli.get(name))
  }

  // save → open keeps the host series: the reopened run has them, its export still equal
  const saved = join(dir, 'saved.strata.json')
  await call('files:save-as', { path: saved })
  const doc = JSON.parse(readFileSync(saved, 'utf8')) as {
    lastRun: { simulation: { series: { hosts: unknown[] } } }
  }
  expect(doc.lastRun.simulation.series.hosts).toHaveLength(hosts)
  await call('files:open', { path: saved, discardChanges: true })
  const reopened = await call<{ hostSeries?: string }>('simulation:get', { lean: true })
  expect(reopened.hostSeries).toBe('kept')
  const again = await appCsv(dir)
  for (const name of PER_HOST) expect(again.get(name), name).toBe(fromCli.get(name))
}

describe("the app's exports of a run keep its per-host series", () => {
  it('3 hosts: the CSV has a column per host, equal to the CLI report', { timeout: 240_000 }, () =>
    compare(resolve('test/fixtures/files/student-3-hosts.strata.json'), 3),
  )

  it('80 hosts: the same', { timeout: 400_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'strata-g80-'))
    const design = join(dir, 'g80.strata.json')
    const generated = await strataIn(
      dir,
      ...['generate', '--hosts', '80', '--node-pools', '0', '--horizon-h', '2', '-o', design],
    )
    expect(generated.code, generated.err).toBe(0)
    await compare(design, 80)
  })

  it(
    'a reopened file without host series says so, not "too large"',
    { timeout: 120_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'strata-no-hosts-'))
      services = testServices()
      await call('files:open', {
        path: resolve('test/fixtures/files/student-3-hosts.strata.json'),
        discardChanges: true,
      })
      await runToEnd()
      const saved = join(dir, 'saved.strata.json')
      await call('files:save-as', { path: saved })
      const doc = JSON.parse(readFileSync(saved, 'utf8')) as {
        lastRun: { simulation: { series: { hosts: unknown[] } } }
      }
      doc.lastRun.simulation.series.hosts = []
      writeFileSync(saved, JSON.stringify(doc))
      await call('files:open', { path: saved, discardChanges: true })
      const info = await call<{ hostSeries?: string; hostSeriesNote?: string }>('simulation:get', {
        lean: true,
      })
      expect(info.hostSeries).toBe('none')
      expect(info.hostSeriesNote).toBe('the saved file has no per-host series')
    },
  )
})
