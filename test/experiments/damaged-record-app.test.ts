/**
 * Review s5 #2 (the app's part): a damaged stored run record in an app experiment's folder is
 * run again, and the progress the panel shows says so, naming the file and the field (the CLI
 * already printed this warning; the app skipped it silently).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ExperimentProgressEvent } from '../../src/shared/contract'
import { experimentSpecSchema } from '../../src/shared/experiment/spec'
import { BASE_DESIGN, planExperiment, readStrataFile } from '../../src/main/engine'
import { EventHub } from '../../src/main/services/event-hub'
import { AppExperiments } from '../../src/main/services/experiments/app-experiments'
import { planTasks } from '../../src/main/services/experiments/run-experiment'
import { FIXTURES, tempDir } from './helpers'

let app: AppExperiments | undefined
afterEach(async () => {
  await app?.dispose()
  app = undefined
})

describe('a damaged stored record in an app experiment', () => {
  it('is run again and named, file and field, in the progress', async () => {
    const read = readStrataFile(readFileSync(join(FIXTURES, 'two-hall.strata.json')))
    if (!read.ok) throw new Error('fixture does not read')
    const spec = experimentSpecSchema.parse({
      schemaVersion: 1,
      name: 'damaged',
      design: {},
      vary: { 'simulation.seed': [1] },
      repeat: 1,
    })
    const planned = planExperiment(spec, [{ name: BASE_DESIGN, design: read.design }])
    if (!planned.ok) throw new Error('no plan')
    const plan = planned.plan
    const hub = new EventHub()
    const events: ExperimentProgressEvent[] = []
    hub.subscribe({ role: 'provider' }, (event, payload) => {
      if (event === 'experiments:progress') events.push(payload as ExperimentProgressEvent)
    })
    const dataDir = tempDir('app-damaged')
    app = new AppExperiments({ hub, dataDir, strataVersion: 'test' })
    let release: () => void = () => undefined
    const gate = new Promise<void>((resolve) => (release = resolve))
    const outline = {
      name: 'damaged',
      factorNames: ['simulation.seed'],
      combinations: 1,
      repeat: 1,
      runs: 1,
    }
    const info = app.start(
      outline,
      async () => {
        await gate
        return plan
      },
      1,
    )
    // the run's stored record, planted damaged before the runs start
    const [task] = planTasks(plan, 'test')
    if (!task) throw new Error('no task')
    const runs = join(dataDir, 'experiments', info.experimentId, 'runs')
    mkdirSync(runs, { recursive: true })
    writeFileSync(
      join(runs, `${task.id}.json`),
      JSON.stringify({ id: task.id, summary: { migrations: -5 } }),
    )
    release()
    await app.settled(info.experimentId)
    const last = events.at(-1)
    expect(last).toMatchObject({ status: 'done', done: 1, skipped: 0 })
    expect(last?.warnings).toHaveLength(1)
    expect(last?.warnings?.[0]).toMatch(new RegExp(`^runs/${task.id}\\.json: .+; it is run again$`))
  }, 120_000)
})
