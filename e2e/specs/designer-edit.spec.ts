/**
 * Editing on the canvas (issue 5): drag a host from the palette into a rack, wire it to the
 * rack's ToR switch, set its virtualization layer in the inspector, then undo and redo it all.
 */
import { test, expect } from '../fixtures/app'
import { DesignerPage } from '../pages/designer-page'

test('palette drop into a rack, connect, inspector edit, undo and redo', async ({
  page,
  app,
}, testInfo) => {
  const designer = new DesignerPage(page)
  await designer.open(app)

  // drop a KVM host in the gap between R01's four hosts
  const a = await designer.clientPosition('kvm-1')
  const b = await designer.clientPosition('kvm-4')
  await designer.dragFromPalette('host-hvm', { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 })
  await expect.poll(() => designer.parentOf('host-1')).toBe('rack-1')
  await expect.poll(() => designer.selection()).toEqual(['host-1'])
  await designer.screenshot(testInfo, 'edit-1-host-dropped-in-rack')

  // move it within its rack (a drop outside the rack's box would take it out), then wire it
  // to the rack's ToR switch with the edge handles
  const dropped = (await designer.node('host-1'))?.position.y ?? 0
  await designer.dragNode('host-1', { dx: 0, dy: 50 })
  await expect
    .poll(async () => (await designer.node('host-1'))?.position.y ?? 0)
    .toBeGreaterThan(dropped + 10)
  expect(await designer.parentOf('host-1')).toBe('rack-1')
  await designer.connect('host-1', 'tor-1')
  const linked = async (): Promise<boolean> =>
    (await designer.facts()).edges.some(
      (e) => e.kind === 'link' && e.source === 'host-1' && e.target === 'tor-1',
    )
  await expect.poll(linked).toBe(true)
  await designer.screenshot(testInfo, 'edit-2-host-connected')

  // inspector: the form shows the host; a bad value is refused inline, then paravirtualization
  await designer.clickNode('host-1')
  await designer.tab('inspector').click()
  await expect(designer.field('virtualization.kind')).toHaveValue('hvm')
  await designer.field('memoryMiB').fill('-5')
  await designer.field('memoryMiB').press('Enter')
  await expect(designer.fieldError('memoryMiB')).toContainText('at least 0')
  await designer.field('virtualization.kind').selectOption('pv')
  await expect(designer.field('virtualization.product')).toHaveValue('xen-pv')
  await expect.poll(async () => (await designer.node('host-1'))?.label).toContain('xen-pv')
  await designer.screenshot(testInfo, 'edit-3-inspector-paravirtualization')

  // undo three edits (layer, link, move) and the drop; then redo them all
  const label = async (): Promise<string | undefined> => (await designer.node('host-1'))?.label
  await designer.shortcut('Control+z')
  await expect.poll(label).toContain('kvm')
  await designer.shortcut('Control+z')
  await expect.poll(linked).toBe(false)
  await designer.shortcut('Control+z')
  await designer.shortcut('Control+z')
  await expect.poll(async () => (await designer.node('host-1')) === undefined).toBe(true)
  await designer.screenshot(testInfo, 'edit-4-undone')
  for (let i = 0; i < 4; i++) await designer.shortcut('Control+Shift+z')
  await expect.poll(label).toContain('xen-pv')
  await expect.poll(linked).toBe(true)
  expect(await designer.parentOf('host-1')).toBe('rack-1')
  const state = await app.api.must('design:get', {})
  expect(state.design.hosts.find((h) => h.id === 'host-1')?.virtualization).toMatchObject({
    kind: 'pv',
    product: 'xen-pv',
  })
  await designer.screenshot(testInfo, 'edit-5-redone')
})
