/**
 * The live series a view builds from progress deltas equals the finished run's series, even
 * when deltas come twice, late or overlapping; a gap keeps the latest state but no holes.
 */
import { describe, expect, it } from 'vitest'
import sample from '../../../../resources/samples/two-hall.strata.json'
import { DesignSession } from '../../../main/engine'
import { Simulation } from '../../../main/engine/simulation'
import type { LiveDelta } from '../../../shared/contract'
import { energySeries } from '../components/simulation/chart-options'
import { applyLiveDelta, emptyLive, snapshotLive } from './simulation-live'

/** Runs the sample 8 h in slices as the worker does, collecting each slice's delta. */
function runWithDeltas(): { sim: Simulation; deltas: LiveDelta[] } {
  const session = new DesignSession()
  const loaded = session.load(sample)
  if (!loaded.ok) throw new Error(loaded.error.message)
  const sim = new Simulation(session.design, { horizonS: 8 * 3600, hostSeries: true })
  const deltas: LiveDelta[] = []
  let sent = 0
  let done = false
  while (!done) {
    done = sim.advance(4)
    deltas.push(sim.liveDelta(sent))
    sent = sim.seriesLength
  }
  return { sim, deltas }
}

/** Points `from`..`to` (exclusive) of a full delta, with its latest state. */
function cut(all: LiveDelta, from: number, to = all.timesS.length): LiveDelta {
  return {
    ...all,
    fromIndex: from,
    timesS: all.timesS.slice(from, to),
    totalPowerW: all.totalPowerW.slice(from, to),
    activeHosts: all.activeHosts.slice(from, to),
    tenantAllocMips: all.tenantAllocMips.map((xs) => xs.slice(from, to)),
    tenantCost: all.tenantCost.map((xs) => xs.slice(from, to)),
  }
}

describe('applyLiveDelta', () => {
  const { sim, deltas } = runWithDeltas()
  const result = sim.getResult()

  it('rebuilds the run series from in-order deltas, with duplicates and stale ones ignored', () => {
    expect(deltas.length).toBeGreaterThan(10)
    const live = emptyLive('r1')
    const seen: boolean[] = []
    deltas.forEach((d, k) => {
      seen.push(applyLiveDelta(live, d))
      // the same event again, and the one before it again: nothing changes
      expect(applyLiveDelta(live, d)).toBe(
        d.timesS.length === 0 && d.fromIndex === live.timesS.length,
      )
      if (k > 0 && (deltas[k - 1] as LiveDelta).timesS.length > 0)
        expect(applyLiveDelta(live, deltas[k - 1] as LiveDelta)).toBe(false)
    })
    expect(seen.every(Boolean)).toBe(true)
    expect(live.timesS).toEqual(result.series.timesS)
    expect(live.totalPowerW).toEqual(result.series.totalPowerW)
    expect(live.activeHosts).toEqual(result.series.activeHosts)
    expect(live.tenantAllocMips).toEqual(result.series.tenants.map((t) => t.allocatedMips))
    expect(live.tenantCost).toEqual(result.series.tenants.map((t) => t.cumulativeCost))
    const energy = energySeries(result.series.timesS, result.series.totalPowerW)
    live.energyKWhSeries.forEach((e, i) => expect(e).toBeCloseTo(energy[i] as number, 9))
    expect(live.energyKWh).toBeCloseTo(result.summary.energyKWh, 6)
    expect(live.migrations).toBe(result.summary.migrations)
    const last = result.series.timesS.length - 1
    expect(live.hostUtilizationNow).toEqual(result.series.hosts.map((h) => h.utilization[last]))
  })

  it('takes only the new part of an overlapping delta', () => {
    const all = sim.liveDelta(0)
    const live = emptyLive('r1')
    const half = Math.floor(all.timesS.length / 2)
    applyLiveDelta(live, cut(all, 0, half))
    expect(live.timesS.length).toBe(half)
    expect(applyLiveDelta(live, cut(all, half - 5))).toBe(true)
    expect(live.timesS).toEqual(all.timesS)
    expect(live.activeHosts).toEqual(all.activeHosts)
    expect(live.tenantCost).toEqual(all.tenantCost)
  })

  it('keeps the latest state but no points after a gap, and snapshots do not move', () => {
    const all = sim.liveDelta(0)
    const live = emptyLive('r1')
    const early = { ...cut(all, 0, 3), energyKWh: 0.5, migrations: 1, failedHostIds: ['x'] }
    applyLiveDelta(live, early)
    const before = snapshotLive(live)
    // points 3..9 never came: the delta from 10 on gives its state, not its points
    expect(applyLiveDelta(live, cut(all, 10))).toBe(true)
    expect(live.timesS).toEqual(all.timesS.slice(0, 3))
    expect(live.energyKWh).toBe(all.energyKWh)
    expect(live.migrations).toBe(all.migrations)
    expect(live.failedHostIds).toEqual(all.failedHostIds)
    // the missing points arrive late: appended; the snapshot taken before stays as it was
    applyLiveDelta(live, cut(all, 3))
    expect(live.timesS).toEqual(all.timesS)
    expect(before.timesS).toEqual(all.timesS.slice(0, 3))
    expect(before.totalPowerW).toEqual(all.totalPowerW.slice(0, 3))
    expect(before).toMatchObject({ energyKWh: 0.5, migrations: 1, failedHostIds: ['x'] })
  })
})
