/**
 * Per-host series kept packed in main and read per host (issue 19). Oracle: the engine's own
 * per-host series of the same run (`simulate` with `hostSeries: true`), compared value for
 * value; bounds and refusals by construction.
 */
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { checkIntegrity, simulate } from '../../engine'
import { EventHub } from '../event-hub'
import { SimulationRuns } from './runs'
import { HostSeriesTable, MAX_HOST_SERIES_PER_CALL, packHostSeries } from './host-series-store'
import { testServices } from '../../../../test/support/services/test-services'
import type { HostSeriesAnswer } from '../../../shared/contract'

const sample = checkIntegrity(
  JSON.parse(
    readFileSync(join(__dirname, '../../../../resources/samples/two-hall.strata.json'), 'utf8'),
  ),
).design
if (!sample) throw new Error('the built-in sample does not load')
const options = { policy: 'thr-mmt-0.8', horizonS: 7200, seed: 3 }

async function finishedRun(runs: SimulationRuns, hostSeries?: boolean): Promise<string> {
  const { runId } = runs.start(sample!, {
    ...options,
    ...(hostSeries === false ? { hostSeries } : {}),
  })
  while (runs.info(runId).status === 'running') await new Promise((r) => setTimeout(r, 10))
  return runId
}

describe('per-host series on demand', () => {
  it('equal the engine’s own per-host series, from a worker and from slices', async () => {
    const direct = simulate(sample, { ...options, hostSeries: true })
    const ids = direct.series.hosts.map((h) => h.hostId)
    expect(ids.length).toBeGreaterThan(3)
    for (const useWorker of [true, false]) {
      const runs = new SimulationRuns(new EventHub(), useWorker)
      const runId = await finishedRun(runs)
      expect(runs.info(runId).hostSeries).toBe('kept')
      const asked = [ids[2]!, ids[0]!, ids[2]!, 'no-such-host']
      const answer = runs.hostSeries(runId, asked)
      expect(answer.timesS).toEqual(direct.series.timesS)
      expect(answer.hosts).toEqual([direct.series.hosts[2], direct.series.hosts[0]])
      expect(answer.unknownHostIds).toEqual(['no-such-host'])
      // a small run's whole result still carries every host's series
      expect(runs.get(runId).result?.series.hosts).toEqual(direct.series.hosts)
      // the window's lean read: no per-instance records
      const lean = runs.get(runId, true).result
      expect(lean?.instances).toEqual([])
      expect(lean?.summary.energyKWh).toBe(direct.summary.energyKWh)
      runs.dispose()
    }
  })

  it('packs and unpacks without loss, memory series absent where the engine had none', () => {
    const hosts = [
      { hostId: 'a', utilization: [0.1, 1 / 3], powerW: [90, 120.5], instances: [1, 2] },
      {
        hostId: 'b',
        utilization: [0, 0.7],
        powerW: [0, 150],
        instances: [0, 3],
      },
    ]
    const table = new HostSeriesTable(packHostSeries(hosts, 2))
    expect(table.all()).toEqual(hosts)
    expect(table.bytes).toBe(2 * 2 * 40)
  })

  it('refuses more than the bound per call, unfinished runs and runs that kept none', async () => {
    const runs = new SimulationRuns(new EventHub(), false)
    const runId = await finishedRun(runs, false)
    expect(runs.info(runId).hostSeries).toBe('none')
    expect(() => runs.hostSeries(runId, ['h'])).toThrow(/kept no per-host series/)
    const many = Array.from({ length: MAX_HOST_SERIES_PER_CALL + 1 }, (_, i) => `h${i}`)
    expect(() => runs.hostSeries(runId, many)).toThrow(/at most 500 hosts per call/)
    const running = runs.start(sample, options)
    expect(() => runs.hostSeries(running.runId, ['h'])).toThrow(/running: no result yet/)
    expect(() => runs.hostSeries('run-99', ['h'])).toThrow(/no simulation run "run-99"/)
    runs.dispose()
  })
})

describe('simulation:host-series over the dispatcher', () => {
  it('answers a provider and refuses a tenant session (other tenants’ hosts)', async () => {
    const s = testServices()
    const provider = { role: 'provider' } as const
    const acme = { role: 'tenant', tenantId: 't-acme' } as const
    const started = await s.dispatch(provider, 'simulation:start', { horizonS: 3600 })
    expect(started.ok).toBe(true)
    const runId = (started as { value: { runId: string } }).value.runId
    while (s.ctx.runs.info(runId).status === 'running') await new Promise((r) => setTimeout(r, 20))
    const hostIds = s.ctx.design.design.hosts.map((h) => h.id).slice(0, 3)
    const mine = await s.dispatch(provider, 'simulation:host-series', { runId, hostIds })
    expect(mine.ok && (mine.value as HostSeriesAnswer).hosts.map((h) => h.hostId)).toEqual(hostIds)
    const theirs = await s.dispatch(acme, 'simulation:host-series', { runId, hostIds })
    expect(theirs).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    const tooMany = await s.dispatch(provider, 'simulation:host-series', {
      runId,
      hostIds: Array.from({ length: 501 }, (_, i) => `h${i}`),
    })
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    const unknown = await s.dispatch(provider, 'simulation:host-series', {
      runId: 'run-9',
      hostIds,
    })
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } })
    s.ctx.runs.dispose()
  })
})
