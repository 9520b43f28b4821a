/**
 * The set-up most simulation specs share: the sample open in the designer with the simulation
 * tab shown, and optionally a run of it for some hours, waited on until it is done.
 */
import { expect, type Page } from '@playwright/test'
import type { AppFixture } from '../fixtures/app'
import { DesignerPage } from './designer-page'
import { SimulationPanelPage } from './simulation-panel-page'

/** The designer and its simulation panel, with the sample open and the simulation tab shown. */
export async function openSimulationTab(
  page: Page,
  app: AppFixture,
): Promise<{ designer: DesignerPage; sim: SimulationPanelPage }> {
  const designer = new DesignerPage(page)
  const sim = new SimulationPanelPage(page)
  await designer.open(app)
  await sim.show()
  return { designer, sim }
}

/**
 * {@link openSimulationTab}, then a run of `horizonH` hours (virtual time) waited on until the
 * status reads "done" (at most `timeoutMs` of wall time).
 */
export async function runSample(
  page: Page,
  app: AppFixture,
  horizonH: number,
  timeoutMs = 60_000,
): Promise<{ designer: DesignerPage; sim: SimulationPanelPage }> {
  const opened = await openSimulationTab(page, app)
  await opened.sim.run(horizonH)
  await expect(opened.sim.status).toContainText('done', { timeout: timeoutMs })
  return opened
}
