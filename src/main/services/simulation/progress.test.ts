/**
 * A run's progress is honest and moving (review s9u B1: a 10,000-host run read "running · 0 %"
 * for 64 of 80 s, then "1 %" until done). On a real run of the sample, as the run worker drives
 * it: the phases come in order (placing its instances, preparing, then step k of N), the
 * progress never goes back, it takes more than N distinct values in a run of N steps, and every
 * step is named. Oracles: N = horizon ÷ step (arithmetic), the design's own instance and host
 * counts, and the run's own migration count for the values between steps.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkIntegrity, resolvePolicy, type PolicySpec } from '../../engine'
import type { Design } from '../../../shared/design/schema'
import type { RunPhase } from '../../../shared/domain/run-phase'
import { openSimulation, SimulationDriver } from './driver'
import type { FromWorker, StartMessage } from './protocol'
import { runInSlices } from './slices'

const loaded = checkIntegrity(
  JSON.parse(
    readFileSync(join(__dirname, '../../../../resources/samples/two-hall.strata.json'), 'utf8'),
  ),
).design
if (!loaded) throw new Error('the built-in sample does not load')
const sample: Design = loaded
const parsed = resolvePolicy('thr-mmt-0.8')
if (!parsed.ok) throw new Error(parsed.message)
const policy: PolicySpec = parsed.policy

/** Every message of a run of the sample driven as the worker drives it. */
async function messagesOf(horizonS: number, eventsPerSlice?: number): Promise<FromWorker[]> {
  const messages: FromWorker[] = []
  await new Promise<void>((resolve) => {
    const start: StartMessage = {
      type: 'start',
      runId: 'r',
      design: sample,
      policy,
      horizonS,
      placeFirst: true,
    }
    runInSlices(
      start,
      (m) => {
        messages.push(m)
        if (m.type === 'done' || m.type === 'error') resolve()
      },
      { progressEveryMs: 0, ...(eventsPerSlice !== undefined ? { eventsPerSlice } : {}) },
    )
  })
  return messages
}

describe("a run's progress", () => {
  it('names its phases in order, never goes back, and moves more than once a step', async () => {
    const horizonS = 24 * 3600
    const N = horizonS / sample.simulation.stepS // 288 steps of 300 s
    const messages = await messagesOf(horizonS, 1)
    const done = messages.at(-1)
    if (done?.type !== 'done') throw new Error(`the run did not end: ${JSON.stringify(done)}`)
    const progress = messages.flatMap((m) => (m.type === 'progress' ? [m] : []))
    const phases: RunPhase[] = progress.map((m) => m.phase)
    // placing the sample's 43 instances on its 13 hosts, reported before the placement itself
    const instances = sample.workloads.reduce((n, w) => n + w.count, 0)
    expect(phases[0]).toEqual({ kind: 'placing', instances, hosts: sample.hosts.length })
    expect(messages[1]?.type).toBe('placed')
    expect(phases[1]).toEqual({ kind: 'preparing' })
    // then step k of N, k never going back and every step named
    const steps = phases.slice(2).map((p) => {
      if (p.kind !== 'simulating') throw new Error(`a ${p.kind} phase after the run opened`)
      expect(p.steps).toBe(N)
      return p.step
    })
    steps.forEach((k, i) => expect(k).toBeGreaterThanOrEqual(steps[i - 1] ?? 1))
    expect(new Set(steps)).toEqual(new Set(Array.from({ length: N }, (_, k) => k + 1)))
    // the fraction never goes back and takes more than N values: one per step, and the
    // instants between steps where migrations end
    const fractions = progress.map((m) => m.progress)
    fractions.forEach((f, i) => expect(f).toBeGreaterThanOrEqual(fractions[i - 1] ?? 0))
    expect(done.result.migrations.length).toBeGreaterThan(0)
    expect(new Set(fractions).size).toBeGreaterThan(N)
  })

  it('is reported at least once a step with the default slices (a slice never spans steps)', async () => {
    const horizonS = 6 * 3600
    const N = horizonS / sample.simulation.stepS
    const messages = await messagesOf(horizonS)
    const steps = new Set(
      messages.flatMap((m) =>
        m.type === 'progress' && m.phase.kind === 'simulating' ? [m.phase.step] : [],
      ),
    )
    expect(steps.size).toBe(N)
    // and the driver's slices, even of unbounded events, end at each series sample
    const driver = new SimulationDriver(openSimulation(sample, { policy: 'dvfs', horizonS }))
    let slices = 0
    while (!driver.slice(Number.MAX_SAFE_INTEGER)) slices++
    expect(slices).toBe(driver.sim.seriesLength - 1)
  })
})
