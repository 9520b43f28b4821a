/**
 * Dragging hosts between racks on the canvas (issue 5): onto empty canvas takes a host out of
 * its rack, onto another rack moves it there, a small move inside its rack keeps it; each is
 * one undoable move command.
 */
import { test, expect } from '../fixtures/app'
import { DesignerPage } from '../pages/designer-page'
import type { AppFixture } from '../fixtures/app'

async function rackOf(app: AppFixture, hostId: string): Promise<string | null | undefined> {
  const { design } = await app.api.must('design:get', {})
  return design.hosts.find((h) => h.id === hostId)?.rackId
}

test('drag a host out of its rack, into another rack, and within its rack', async ({
  page,
  app,
}, testInfo) => {
  const designer = new DesignerPage(page)
  await designer.open(app)
  expect(await designer.parentOf('kvm-1')).toBe('rack-1')
  expect(await designer.parentOf('kvm-2')).toBe('rack-1')

  // a small move inside its own rack keeps the host there
  const before = await designer.node('kvm-3')
  await designer.dragNode('kvm-3', { dx: 12, dy: 8 })
  await expect
    .poll(async () => (await designer.node('kvm-3'))?.position.x)
    .not.toBe(before?.position.x)
  expect(await designer.parentOf('kvm-3')).toBe('rack-1')
  expect(await rackOf(app, 'kvm-3')).toBe('rack-1')

  // onto the empty canvas between the core and the aggregation tier: out of its rack
  const core = await designer.clientPosition('core-1')
  const agg = await designer.clientPosition('agg-1')
  const from1 = await designer.clientPosition('kvm-1')
  const empty = { x: core.x, y: (core.y + agg.y) / 2 }
  await designer.dragNode('kvm-1', { dx: empty.x - from1.x, dy: empty.y - from1.y })
  await expect.poll(() => designer.parentOf('kvm-1')).toBeUndefined()
  await expect.poll(() => rackOf(app, 'kvm-1')).toBeFalsy()
  await designer.screenshot(testInfo, 'rack-drag-1-out-of-rack')

  // onto R02, in the gap between its four hosts: into that rack
  const a = await designer.clientPosition('xen-1')
  const b = await designer.clientPosition('lxc-2')
  const from2 = await designer.clientPosition('kvm-2')
  const gap = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }
  await designer.dragNode('kvm-2', { dx: gap.x - from2.x, dy: gap.y - from2.y })
  await expect.poll(() => designer.parentOf('kvm-2')).toBe('rack-2')
  expect(await rackOf(app, 'kvm-2')).toBe('rack-2')
  await designer.screenshot(testInfo, 'rack-drag-2-into-other-rack')

  // each drag is one undo step: back into R01, then back into R01 again
  await designer.shortcut('Control+z')
  await expect.poll(() => designer.parentOf('kvm-2')).toBe('rack-1')
  await designer.shortcut('Control+z')
  await expect.poll(() => designer.parentOf('kvm-1')).toBe('rack-1')
  expect(await rackOf(app, 'kvm-1')).toBe('rack-1')
})
