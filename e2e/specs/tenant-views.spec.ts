/**
 * Per-tenant isolated views (issue 6): two tenants' views open side by side, each from its
 * own tenant-bound URL, and each shows only its own instances; a provider edit reaches the
 * right tenant live; a tenant-bound session is refused the physical topology and other
 * tenants' views. Screenshots: the provider view and the two tenant views.
 */
import type { Browser } from '@playwright/test'
import { test, expect } from '../fixtures/app'
import { ApiClient } from '../fixtures/api-client'
import { DesignerPage } from '../pages/designer-page'
import { TenantSwitcherPage } from '../pages/tenant-switcher-page'
import { TenantViewPage } from '../pages/tenant-view-page'
import type { Design } from '../../src/shared/design/schema'

async function tenantTab(browser: Browser, url: string): Promise<TenantViewPage> {
  // Each tenant in its own browser context, as two different customers would be.
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } })
  const view = new TenantViewPage(await context.newPage())
  await view.open(url)
  return view
}

/**
 * Every string of another tenant or of the physical datacenter, for on-screen checks (a
 * tenant with `showHostNames` may see the names of the hosts its own instances use).
 */
function foreignTo(design: Design, tenantId: string, ownHosts: ReadonlySet<string>): string[] {
  const shown = design.tenants.find((t) => t.id === tenantId)?.showHostNames ?? false
  const out = new Set<string>()
  for (const t of design.tenants) if (t.id !== tenantId) out.add(t.id).add(t.name)
  for (const w of design.workloads) if (w.tenantId !== tenantId) out.add(w.id).add(w.name)
  for (const n of design.networks) if (n.tenantId !== tenantId) out.add(n.id).add(n.name)
  for (const h of design.hosts) if (!(shown && ownHosts.has(h.id))) out.add(h.id).add(h.name)
  for (const r of design.racks) out.add(r.id).add(r.name)
  return [...out].filter((s) => s.length > 2)
}

const ownInstances = (design: Design, tenantId: string): string[] =>
  design.workloads
    .filter((w) => w.tenantId === tenantId)
    .flatMap((w) => Array.from({ length: w.count }, (_v, i) => `${w.id}#${i}`))
    .sort()

test('two tenant views side by side each show only their own instances', async ({
  page,
  app,
  browser,
}, testInfo) => {
  const placement = await app.api.must('scheduler:place', {})
  const design = (await app.api.must('design:get', {})).design
  const hostsOf = (tenantId: string): Set<string> =>
    new Set(placement.placed.filter((p) => p.tenantId === tenantId).map((p) => p.hostId))

  const provider = new DesignerPage(page)
  await provider.open(app)
  await provider.screenshot(testInfo, 'tenant-views-0-provider')

  const acme = await tenantTab(browser, await app.tenantUrl('t-acme'))
  const globex = await tenantTab(browser, await app.tenantUrl('t-globex'))
  for (const [view, tenantId] of [
    [acme, 't-acme'],
    [globex, 't-globex'],
  ] as const) {
    expect(await view.tenantId()).toBe(tenantId)
    await expect
      .poll(async () => (await view.instanceIds()).sort())
      .toEqual(ownInstances(design, tenantId))
    const text = await view.text()
    for (const foreign of foreignTo(design, tenantId, hostsOf(tenantId)))
      expect(text.includes(foreign), `${tenantId} shows "${foreign}"`).toBe(false)
    expect((await view.zoneIds()).every((z) => /^zone-\d+$|^unplaced$/.test(z))).toBe(true)
  }
  // A provider edit to Acme reaches Acme's tab live, and Globex's view stays as it was.
  const globexBefore = await globex.instanceIds()
  await app.api.must('design:apply', {
    command: { type: 'update', id: 'w-acme-web', patch: { count: 2 } },
  })
  const edited = (await app.api.must('design:get', {})).design
  await expect
    .poll(async () => (await acme.instanceIds()).sort())
    .toEqual(ownInstances(edited, 't-acme'))
  expect(await globex.instanceIds()).toEqual(globexBefore)

  // A simulation's progress and results reach both tabs live: run state, SLA, bill.
  await app.api.must('simulation:start', { horizonS: 6 * 3600 })
  for (const view of [acme, globex]) {
    await expect(view.root.locator('.head')).toContainText('simulation done', { timeout: 30_000 })
    await expect(view.root.locator('.tenant-bill')).toContainText('simulated')
  }
  await acme.screenshot(testInfo, 'tenant-views-1-acme')
  await globex.screenshot(testInfo, 'tenant-views-2-globex')

  await acme.page.context().close()
  await globex.page.context().close()
})

test('the provider switches the canvas to a tenant view', async ({ page, app }, testInfo) => {
  await app.api.must('scheduler:place', {})
  const design = (await app.api.must('design:get', {})).design
  const provider = new DesignerPage(page)
  await provider.open(app)
  const switcher = new TenantSwitcherPage(page)
  await switcher.choose('t-initech')
  const overlay = switcher.overlay()
  await expect(overlay.root).toHaveAttribute('data-tenant-id', 't-initech')
  await expect
    .poll(async () => (await overlay.instanceIds()).sort())
    .toEqual(ownInstances(design, 't-initech'))
  // The canvas's own overlays (the minimap's toggle) are beneath the tenant view, not on it
  // (review s6u #12: the minimap covered the bill's total).
  const toggle = await page.getByTestId('minimap-toggle').boundingBox()
  expect(toggle).not.toBeNull()
  if (toggle)
    expect(
      await page.evaluate(
        ({ x, y }) =>
          document.elementFromPoint(x, y)?.closest('[data-testid="tenant-overlay"]') !== null,
        { x: toggle.x + toggle.width / 2, y: toggle.y + toggle.height / 2 },
      ),
    ).toBe(true)
  await overlay.screenshot(testInfo, 'tenant-views-3-provider-switched-to-initech')

  // Beside the provider's view, in its own tab bound to that tenant (no switcher there).
  const tab = await switcher.openBeside()
  await expect(tab.root).toHaveAttribute('data-tenant-id', 't-initech')
  await expect
    .poll(async () => (await tab.instanceIds()).sort())
    .toEqual(ownInstances(design, 't-initech'))
  await expect(tab.page.locator('[data-testid="view-switcher"]')).toHaveCount(0)
  await tab.page.close()

  await switcher.choose('provider')
  await expect(overlay.root).toHaveCount(0)
})

test('a tenant-bound session is refused the physical topology and other tenants', async ({
  app,
}) => {
  const url = new URL(await app.tenantUrl('t-acme'))
  const tenant = await ApiClient.connect(app.origin, url.searchParams.get('token') ?? '')
  try {
    const topology = await tenant.call('design:get', {})
    expect(topology.ok ? 'ok' : topology.error.code).toBe('forbidden')
    const other = await tenant.call('tenancy:view', { tenantId: 't-globex' })
    const nobody = await tenant.call('tenancy:view', { tenantId: 'no-such-tenant' })
    expect(other.ok ? 'ok' : other.error.code).toBe('forbidden')
    expect(nobody).toEqual(other)
    const own = await tenant.call('tenancy:view', {})
    expect(own.ok && own.value.tenant.id).toBe('t-acme')
  } finally {
    tenant.close()
  }
})
