/**
 * PNG and SVG pictures of the canvas from the app (issues 7 and 12): File → Export picture
 * saves both through the browser's download; the PNG is a real image of the whole drawing and
 * the SVG names every host; both carry the design's name as a title and a legend, and never
 * the selection highlight (a host is selected while exporting).
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises'
import { test, expect } from '../fixtures/app'
import { DesignerPage } from '../pages/designer-page'

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

test('exports the canvas as PNG and SVG', async ({ page, app }, testInfo) => {
  const designer = new DesignerPage(page)
  await designer.open(app)
  const { design } = await app.api.must('design:get', {})
  const host = design.hosts[0]!
  await designer.clickNode(host.id)
  expect(await designer.selection()).toEqual([host.id])

  const png = await designer.download('File', 'export-png')
  expect(png.suggestedFilename()).toMatch(/-canvas\.png$/)
  const pngPath = testInfo.outputPath('canvas.png')
  await png.saveAs(pngPath)
  const pngBytes = await readFile(pngPath)
  expect([...pngBytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE)
  // IHDR: width and height (big-endian) at bytes 16..23; scale 2 of a drawing wider than 300 px
  expect(pngBytes.readUInt32BE(16)).toBeGreaterThan(600)
  expect(pngBytes.readUInt32BE(20)).toBeGreaterThan(200)
  expect(pngBytes.length).toBeGreaterThan(10_000)
  await testInfo.attach('canvas.png', { path: pngPath, contentType: 'image/png' })
  await mkdir('artifacts/screenshots', { recursive: true })
  await copyFile(pngPath, 'artifacts/screenshots/picture-export.png')

  const svg = await designer.download('File', 'export-svg')
  expect(svg.suggestedFilename()).toMatch(/-canvas\.svg$/)
  const svgPath = testInfo.outputPath('canvas.svg')
  await svg.saveAs(svgPath)
  const text = await readFile(svgPath, 'utf8')
  expect(text).toContain('<svg xmlns="http://www.w3.org/2000/svg"')
  expect(text.trimEnd().endsWith('</svg>')).toBe(true)
  expect(design.hosts.length).toBeGreaterThan(0)
  for (const host of design.hosts) expect(text).toContain(`data-id="${host.id}"`)
  for (const rack of design.racks) expect(text).toContain(`data-id="${rack.id}"`)
  expect(text).toContain(`>${design.meta.name}</text>`)
  expect(text).toContain('<g class="legend">')
  // the selection colour (#ff7a00) is nowhere in the picture, though the host is still selected
  expect(text).not.toMatch(/#ff7a00|rgb\(255,\s*122,\s*0\)/i)
  expect(await designer.selection()).toEqual([host.id])
  await testInfo.attach('canvas.svg', { path: svgPath, contentType: 'image/svg+xml' })

  // look at the SVG as a browser draws it
  await page.goto(`data:image/svg+xml;base64,${Buffer.from(text).toString('base64')}`)
  const shot = testInfo.outputPath('canvas-svg-rendered.png')
  await page.screenshot({ path: shot })
  await page.screenshot({ path: 'artifacts/screenshots/picture-svg-rendered.png' })
  await testInfo.attach('canvas-svg-rendered', { path: shot, contentType: 'image/png' })
})
