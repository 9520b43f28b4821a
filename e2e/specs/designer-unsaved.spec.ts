/**
 * Unsaved changes are never thrown away without asking (issue 7): the browser's leave-page
 * prompt while dirty, and an in-page question before New and Open replace a dirty design
 * (main refuses with `conflict`; the app asks Save / Discard changes / Cancel, then retries,
 * with `discardChanges` on Discard).
 */
import { readFile } from 'node:fs/promises'
import { test, expect } from '../fixtures/app'
import { DesignerPage } from '../pages/designer-page'

const SAMPLE = 'resources/samples/two-hall.strata.json'

test('asks before leaving, New and Open discard unsaved changes', async ({
  page,
  app,
}, testInfo) => {
  const designer = new DesignerPage(page)
  await designer.open(app)
  await expect(designer.docTitle()).not.toContainText('(unsaved)')

  // an unsaved edit (through the same contract the canvas uses)
  await app.api.must('design:apply', {
    command: { type: 'set-meta', patch: { name: 'Work in progress' } },
  })
  await expect(designer.docTitle()).toHaveText('Work in progress (unsaved)')

  // leaving the page: the browser asks (Chromium wants a user gesture on the page first)
  await designer.clickNode('kvm-1')
  const leave = page.waitForEvent('dialog')
  await page.close({ runBeforeUnload: true })
  const prompt = await leave
  expect(prompt.type()).toBe('beforeunload')
  await prompt.dismiss()
  expect(page.isClosed()).toBe(false)

  // New: asked (Save / Discard changes / Cancel); Cancel keeps the work
  await designer.menu('File', 'new')
  await expect(designer.confirmDialog()).toContainText('unsaved changes')
  await designer.screenshot(testInfo, 'unsaved-1-new-asks')
  await designer.answerConfirm(false)
  expect((await app.api.must('design:get', {})).design.meta.name).toBe('Work in progress')

  // Open…: the chosen file is refused with `conflict`, the app asks, then opens it
  const sample = JSON.parse(await readFile(SAMPLE, 'utf8')) as { meta: { name: string } }
  sample.meta.name = 'Opened from disk'
  const chooser = page.waitForEvent('filechooser')
  await designer.menu('File', 'open')
  await (
    await chooser
  ).setFiles({
    name: 'opened.strata.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(sample)),
  })
  await expect(designer.confirmDialog()).toBeVisible()
  await designer.answerConfirm(true)
  await expect(designer.docTitle()).toHaveText('Opened from disk')
  await expect.poll(() => designer.nodeIds()).toContain('kvm-1')

  // New on a clean design does not ask
  await designer.menu('File', 'new')
  await expect.poll(async () => (await app.api.must('design:get', {})).design.hosts.length).toBe(0)
  await expect(designer.confirmDialog()).toBeHidden()

  // dirty again, then New with "Discard changes"
  await app.api.must('design:apply', {
    command: { type: 'set-meta', patch: { name: 'Scratch' } },
  })
  await expect(designer.docTitle()).toHaveText('Scratch (unsaved)')
  await designer.menu('File', 'new')
  await designer.answerConfirm(true)
  await expect(designer.docTitle()).not.toContainText('Scratch')
  expect((await app.api.must('design:get', {})).dirty).toBe(false)
  // discarded on the user's word: not offered as work lost in a crash (review s11 #2)
  expect((await app.api.must('files:recovery', {})).map((e) => e.designName)).not.toContain(
    'Scratch',
  )
})
