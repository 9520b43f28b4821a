/**
 * The stack of layers (issue 18), as a user gets there: a node pool built in the designer
 * (a VM group from the palette given a container runtime, a container group from the palette
 * set to run inside it), placed with the Place button; the host's stack opened from the
 * inspector, a layer's guide section from its `?`; the tenant's own stack from its
 * tenant-bound tab, with nothing of other tenants or of the hardware on screen.
 * Screenshots: the host stack, the guide, the tenant stack.
 */
import type { Locator, Page } from '@playwright/test'
import { test, expect } from '../fixtures/app'
import { DesignerPage } from '../pages/designer-page'
import { TenantViewPage } from '../pages/tenant-view-page'

/** Sets an inspector field as a user does: a select picks, an input is typed and entered. */
async function setField(designer: DesignerPage, path: string, value: string): Promise<void> {
  const input = designer.field(path)
  if ((await input.evaluate((el) => el.tagName)) === 'SELECT') await input.selectOption(value)
  else {
    await input.fill(value)
    await input.press('Enter')
  }
  await expect(input).toHaveValue(value)
}

/** Adds a workload group from the palette (a click); the Tenants tab shows it in its form. */
async function addGroup(designer: DesignerPage, key: string, previous?: string): Promise<string> {
  await designer.palette(key).click()
  const shownId = designer.page.locator('[data-testid="inspector-id"]')
  await expect(shownId).toHaveText(/^wl-/)
  if (previous) await expect(shownId).not.toHaveText(previous)
  return (await shownId.textContent()) as string
}

const stackPanel = (page: Page): Locator => page.locator('[data-testid="stack-panel"]')
const attr = (l: Locator, name: string): Promise<string[]> =>
  l.evaluateAll((els, n) => els.map((el) => el.getAttribute(n) ?? ''), name)

test('a node pool built on the canvas, its host stack and its tenant stack', async ({
  page,
  app,
  browser,
}, testInfo) => {
  const designer = new DesignerPage(page)
  await designer.open(app)

  // A VM group (the sample's first tenant, Acme) running a container runtime inside its VMs.
  const vms = await addGroup(designer, 'workload-vm')
  await setField(designer, 'name', 'pool nodes')
  await setField(designer, 'count', '2')
  await setField(designer, 'vcpus', '4')
  await setField(designer, 'innerLayer.kind', 'os')
  await expect(designer.field('innerLayer.product')).toHaveValue('docker')
  // Its containers: one vCPU each, inside those VMs.
  const pods = await addGroup(designer, 'workload-container', vms)
  await setField(designer, 'name', 'pool pods')
  await setField(designer, 'vcpus', '1')
  await setField(designer, 'nesting.runsIn', vms)

  await designer.tab('tenants').click()
  await page.locator('[data-testid="run-placement"]').click()
  await expect(page.locator('[data-testid="placement-summary"]')).toBeVisible()
  const placed = await app.api.must('scheduler:last', {})
  const podPlaces = placed?.placed.filter((p) => p.workloadId === pods) ?? []
  expect(podPlaces).toHaveLength(4)
  const hostId = podPlaces[0]?.hostId as string
  const outer = podPlaces[0]?.outerInstanceId as string
  expect(outer.startsWith(`${vms}#`)).toBe(true)

  // The host's stack, from the inspector.
  await designer.clickNode(hostId)
  await designer.tab('inspector').click()
  await page.locator('[data-testid="open-stack"]').click()
  const panel = stackPanel(page)
  await expect(panel).toHaveAttribute('data-scope', 'host')
  await expect(panel.locator(`[data-machine="${outer}"]`)).toBeVisible()
  const base = panel.locator(':scope > .column > [data-layer]')
  expect(await attr(base, 'data-layer')).toEqual(['hypervisor', 'hardware'])
  const inVm = panel.locator(`[data-machine="${outer}"] > [data-layer]`)
  expect(await attr(inVm, 'data-layer')).toEqual(['container-runtime', 'guest-kernel'])
  const inner = panel.locator(`[data-machine="${outer}"] [data-machine]`)
  const innerIds = await attr(inner, 'data-machine')
  expect(innerIds.length).toBeGreaterThan(0)
  for (const id of innerIds) expect(id.startsWith(`${pods}#`)).toBe(true)
  await expect(
    panel.locator(`[data-machine="${outer}"] > [data-boundary="shared-kernel"]`),
  ).toBeVisible()
  await expect(panel.locator('[data-boundary="hypervisor"]').first()).toBeVisible()
  await expect(panel.locator('[data-layer="hypervisor"] [data-field="source"]')).toContainText(
    '[S10]',
  )
  await designer.screenshot(testInfo, 'nesting-1-host-stack')

  // A layer's "?" opens the guide at that layer's section.
  await panel
    .locator(`[data-machine="${outer}"] [data-layer="container-runtime"] .guide-link`)
    .click()
  const help = page.locator('[data-testid="help-panel"]')
  await expect(help).toBeVisible()
  await expect(help.locator('[data-section="os-level-containers"]')).toHaveClass(/current/)
  await expect(help.locator('#os-level-containers')).toBeInViewport()
  await designer.screenshot(testInfo, 'nesting-2-guide')
  await help.locator('[data-testid="help-close"]').click()
  await panel.locator('[data-testid="stack-close"]').click()
  await expect(panel).toBeHidden()

  // The tenant's own stack, from its tenant-bound tab.
  const design = (await app.api.must('design:get', {})).design
  const tenantId = design.workloads.find((w) => w.id === vms)?.tenantId as string
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  const tenant = new TenantViewPage(await context.newPage())
  await tenant.open(await app.tenantUrl(tenantId))
  await tenant.page.locator('[data-testid="open-tenant-stack"]').click()
  const own = stackPanel(tenant.page)
  await expect(own).toHaveAttribute('data-scope', 'tenant')
  await expect(own.locator(`[data-machine="${outer}"]`)).toBeVisible()
  const ownIds = new Set(design.workloads.filter((w) => w.tenantId === tenantId).map((w) => w.id))
  for (const id of await attr(own.locator('[data-machine]'), 'data-machine'))
    expect(ownIds.has(id.slice(0, id.lastIndexOf('#'))), id).toBe(true)
  expect(await attr(own.locator('[data-column]'), 'data-column')).toEqual(
    expect.arrayContaining([expect.stringMatching(/^zone-\d+$/)]),
  )
  expect(await attr(own.locator(':scope > .column > [data-layer]'), 'data-layer')).not.toContain(
    'hardware',
  )
  const shown = await own.innerText()
  const foreign = [
    ...design.tenants.filter((t) => t.id !== tenantId).flatMap((t) => [t.id, t.name]),
    ...design.workloads.filter((w) => w.tenantId !== tenantId).flatMap((w) => [w.id, w.name]),
    ...design.hosts.flatMap((h) => [h.id, h.name]),
  ].filter((s) => s.length > 2)
  for (const f of foreign) expect(shown.includes(f), `tenant stack shows "${f}"`).toBe(false)
  await tenant.screenshot(testInfo, 'nesting-3-tenant-stack')
  await context.close()
})
