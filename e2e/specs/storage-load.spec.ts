/**
 * Storage as a shared service (issue 17): after a day's run of the sample, the canvas colours
 * each storage system by its load at the time-slider position, writes its IOPS, throughput and
 * latency under its name, and names (and borders in its colour) the tenant saturating it.
 */
import { test, expect } from '../fixtures/app'
import { runSample } from '../pages/simulation-tab'

test('storage systems follow the time slider: load colour, figures, who saturates them', async ({
  page,
  app,
}, testInfo) => {
  const { designer, sim } = await runSample(page, app, 24, 90_000)
  const run = await app.api.must('simulation:get', {})
  const nas = run.result?.storage?.systems.find((s) => s.storageId === 'nas-1')
  expect(nas).toBeDefined()
  const busy = nas!.series.saturatedBy.findIndex((t) => t !== '')
  const calm = nas!.series.iopsUtilization.findIndex((u) => u < 0.9)
  expect(busy).toBeGreaterThanOrEqual(0)
  expect(calm).toBeGreaterThanOrEqual(0)

  // a sample where the NAS is saturated: red, bordered, and the tenant named under it
  await sim.timeSlider.fill(String(busy))
  const saturating = nas!.series.saturatedBy[busy]!
  const tenantName = (await app.api.must('design:get', {})).design.tenants.find(
    (t) => t.id === saturating,
  )!.name
  await expect
    .poll(async () => (await designer.node('nas-1'))?.label ?? '')
    .toContain(`saturated by ${tenantName}`)
  const saturated = await designer.node('nas-1')
  expect(saturated?.classes).toContain('storage-saturated')
  expect(saturated?.storageLoad).toBeCloseTo(
    Math.max(nas!.series.iopsUtilization[busy]!, nas!.series.throughputUtilization[busy]!),
    6,
  )
  await expect(page.locator('[data-legend="utilization"]')).toContainText('storage load')
  await designer.screenshot(testInfo, 'storage-1-saturated')

  // a calmer sample: the colour and figures follow the slider, the border goes
  await sim.timeSlider.fill(String(calm))
  await expect
    .poll(async () => (await designer.node('nas-1'))?.storageLoad ?? -1)
    .toBeCloseTo(
      Math.max(nas!.series.iopsUtilization[calm]!, nas!.series.throughputUtilization[calm]!),
      6,
    )
  const after = await designer.node('nas-1')
  expect(after?.classes).not.toContain('storage-saturated')
  expect(after?.label).toContain('IOPS')
  // the all-flash SAN is lightly loaded all day
  expect((await designer.node('san-1'))?.storageLoad ?? 1).toBeLessThan(0.5)
  await designer.screenshot(testInfo, 'storage-2-calm')
})
