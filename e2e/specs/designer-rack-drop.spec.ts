/**
 * Review s9u C7: two hosts, an lxc host and a ToR dropped on an empty rack landed on one spot,
 * labels unreadable. Each drop now takes the rack's next free slot: four drops, four nodes in
 * the rack, none on another.
 */
import { test, expect } from '../fixtures/app'
import { DesignerPage } from '../pages/designer-page'

test('items dropped on an empty rack each take a free slot in it', async ({
  page,
  app,
}, testInfo) => {
  const designer = new DesignerPage(page)
  await designer.open(app)
  // a new rack on the empty canvas under the halls
  const canvas = (await page.locator('[data-testid="canvas"]').boundingBox())!
  const spot = { x: canvas.x + canvas.width * 0.35, y: canvas.y + canvas.height * 0.82 }
  await designer.dragFromPalette('rack', spot)
  await expect.poll(async () => (await designer.node('rack-4'))?.kind).toBe('rack')
  const drops = ['host-hvm', 'host-hvm', 'host-os', 'switch-access']
  const ids = ['host-1', 'host-2', 'host-3', 'switch-1']
  for (const [i, key] of drops.entries()) {
    // every drop at the same point of the rack, as a user dropping onto its middle does
    const rack = (await designer.node('rack-4'))!.client
    await designer.dragFromPalette(key, rack)
    await expect.poll(() => designer.parentOf(ids[i]!)).toBe('rack-4')
  }
  const nodes = await Promise.all(ids.map(async (id) => (await designer.node(id))!))
  // no two of them on one spot: 3/4 of the layout's 80-unit cell apart on some axis
  for (let i = 0; i < nodes.length; i++)
    for (let j = i + 1; j < nodes.length; j++) {
      const [a, b] = [nodes[i]!.position, nodes[j]!.position]
      expect(
        Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y)),
        `${ids[i]} on ${ids[j]}`,
      ).toBeGreaterThanOrEqual(60)
    }
  await designer.screenshot(testInfo, 's10/c7-rack-drops')
})
