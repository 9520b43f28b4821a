/**
 * The Simulation tab exposes the design's simulation settings (issue 12): policy and seed set
 * in the tab reach the run, and are saved in the design (undoable like any edit).
 */
import { test, expect } from '../fixtures/app'
import { openSimulationTab } from '../pages/simulation-tab'

test('policy and seed set in the tab reach the run and are saved in the design', async ({
  page,
  app,
}) => {
  const { sim } = await openSimulationTab(page, app)
  const before = (await app.api.must('design:get', {})).design.simulation
  await expect(sim.setting('policy')).toHaveValue(before.policy)
  await expect(sim.setting('seed')).toHaveValue(String(before.seed))

  await sim.setSetting('policy', 'npa')
  await sim.setSetting('seed', '7')
  await sim.setSetting('failures', 'none')
  await sim.setting('interference').uncheck()
  await expect
    .poll(async () => (await app.api.must('design:get', {})).design.simulation)
    .toMatchObject({ policy: 'npa', seed: 7, failures: { mode: 'none' }, interference: false })

  // the horizon is typed but not committed: Run saves it first
  await sim.root.locator('#sim-horizon').fill('2')
  await sim.root.locator('[data-testid="sim-run"]').click()
  await expect(sim.status).toContainText('done', { timeout: 60_000 })
  await expect(sim.status).toContainText('npa, seed 7')
  const runId = await sim.status.getAttribute('data-run-id')
  const runs = await app.api.must('simulation:list', {})
  expect(runs.find((r) => r.runId === runId)).toMatchObject({
    policy: 'npa',
    seed: 7,
    horizonS: 7200,
  })
  expect((await app.api.must('design:get', {})).design.simulation.horizonS).toBe(7200)

  // a field left blank keeps the saved value
  await sim.setSetting('policy', '')
  await expect(sim.setting('policy')).toHaveValue('npa')
})
