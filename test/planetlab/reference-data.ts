/**
 * Loads the PlanetLab traces and CloudSim 3.0.3's recorded results vendored in
 * `test/fixtures/planetlab` (source and licence in its NOTICE.md). A missing folder is an
 * error, not a skip.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Design } from '../../src/shared/design/schema'
import { importPlanetLab } from '../../src/main/engine/import/planetlab'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
/** The vendored PlanetLab folder (traces, orders, REFERENCE.md, results CSV). */
export const PLANETLAB_DIR = resolve(repoRoot, 'test/fixtures/planetlab')

export function requireSharedFolder(): void {
  if (!existsSync(join(PLANETLAB_DIR, 'results_cloudsim-3.0.3.csv')))
    throw new Error(
      `the PlanetLab reference data is missing: expected ${PLANETLAB_DIR} with results_cloudsim-3.0.3.csv, vm_order_<date>.txt and the trace folders`,
    )
}

/** One row of results_cloudsim-3.0.3.csv. */
export interface ReferenceRow {
  date: string
  example: string
  energyKWh: number
  migrations: number
  slatah: number
  pdm: number
  slav: number
  hostShutdowns: number
  wallSLogOff: number
  cpuSLogOff: number
  /** The recorded cells as written (energy to 5 decimals, SLA metrics to 10), by column. */
  recorded: Record<string, string>
}

export function readReference(): ReferenceRow[] {
  requireSharedFolder()
  const lines = readFileSync(join(PLANETLAB_DIR, 'results_cloudsim-3.0.3.csv'), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
  const header = (lines[0] as string).split(',')
  const col = (name: string): number => {
    const i = header.indexOf(name)
    if (i < 0) throw new Error(`results_cloudsim-3.0.3.csv has no column "${name}"`)
    return i
  }
  return lines.slice(1).map((line) => {
    const f = line.split(',')
    const num = (name: string): number => Number(f[col(name)])
    return {
      date: f[col('date')] as string,
      example: f[col('example')] as string,
      energyKWh: num('energy_kwh'),
      migrations: num('vm_migrations'),
      slatah: num('slatah'),
      pdm: num('pdm'),
      slav: num('slav'),
      hostShutdowns: num('host_shutdowns'),
      wallSLogOff: num('wall_s_log_off'),
      cpuSLogOff: num('cpu_s_log_off'),
      recorded: Object.fromEntries(header.map((h, i) => [h, f[i] as string])),
    }
  })
}

/** CloudSim example class -> Strata policy name. */
export const POLICY_OF_EXAMPLE: Record<string, string> = {
  NonPowerAware: 'npa',
  Dvfs: 'dvfs',
  ThrMmt: 'thr-mmt-0.8',
  IqrMmt: 'iqr-mmt-1.5',
  MadMmt: 'mad-mmt-2.5',
  LrMmt: 'lr-mmt-1.2',
  LrrMmt: 'lrr-mmt-1.2',
}

/** The imported design of one date, VMs in the recorded order. */
export function planetLabDesign(date: string): Design {
  requireSharedFolder()
  const dir = join(PLANETLAB_DIR, date)
  const order = readFileSync(join(PLANETLAB_DIR, `vm_order_${date}.txt`), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l !== '')
  const traces = readdirSync(dir).map((name) => ({
    name,
    text: readFileSync(join(dir, name), 'utf8'),
  }))
  const imported = importPlanetLab(traces, { order })
  if (!imported.ok) throw new Error(`importing ${dir}: ${imported.message}`)
  return imported.design
}
