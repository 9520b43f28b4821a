/**
 * Screenshots of the canvas for a human to judge (issue 19): a synthetic design of
 * `STRATA_SHOTS_HOSTS` hosts (default 2,000; 10 instances each, placed "spread", 20 tenants
 * coloured as `strata generate` colours them) served by the built web host and opened in
 * Chromium at 1600×1000: at fit, zoomed into a rack (zoom 1 on a host), after a mouse pan
 * from there, and ten wheel notches out. Writes `<dir>/<hosts>-<view>.png` (`STRATA_SHOTS_DIR`,
 * default `shots/`) and prints, for each view, the zoom, the hosts on the canvas and in view,
 * and how many of those in view draw their label.
 * Needs `npm run build` and Chromium (/usr/bin/chromium or STRATA_CHROMIUM).
 * Run: `npx tsx scripts/canvas-shots.ts`.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { syntheticDatacenter } from '../src/main/engine'
import { TENANT_COLOURS } from '../src/main/cli/commands/generate'
import { ApiClient } from '../e2e/fixtures/api-client'
import type { StrataTestHook } from '../src/renderer/src/canvas/test-hook-types'
import { serveBuilt } from './lib/serve-built'

const HOSTS = Number(process.env.STRATA_SHOTS_HOSTS ?? 2000)
const DIR = process.env.STRATA_SHOTS_DIR ?? 'shots'

type HookWindow = { __strataTest: StrataTestHook }

const serve = (file: string) => serveBuilt(file, { dataDirPrefix: 'strata-shots-' })

/** Zoom, hosts on the canvas, hosts in view and those in view whose label is drawn. */
const viewFigures = (page: Page): Promise<Record<string, number>> =>
  page.evaluate(() => {
    const h = (globalThis as unknown as HookWindow).__strataTest
    const hosts = h.nodesInView().filter((n) => n.kind === 'host')
    return {
      zoom: Number(h.zoom().toFixed(3)),
      hostsOnCanvas: h.facts().nodes.filter((n) => n.kind === 'host').length,
      hostsInView: hosts.length,
      labelsShown: hosts.filter((n) => n.labelShown).length,
    }
  })

async function main(): Promise<void> {
  const design = syntheticDatacenter({ hosts: HOSTS, instances: 10 * HOSTS, tenants: 20, seed: 0 })
  design.tenants.forEach((t, i) => {
    t.colour = TENANT_COLOURS[i % TENANT_COLOURS.length] as string
  })
  const file = join(mkdtempSync(join(tmpdir(), 'strata-shots-')), 'shots.strata.json')
  writeFileSync(file, JSON.stringify(design))
  mkdirSync(DIR, { recursive: true })
  const server = await serve(file)
  const browser = await chromium.launch({
    executablePath: process.env.STRATA_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--no-first-run', '--disable-gpu'],
  })
  const u = new URL(server.url)
  const api = await ApiClient.connect(u.origin, u.searchParams.get('token') ?? '')
  try {
    await api.must('scheduler:place', { preset: 'spread' })
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } })
    await page.goto(`${server.url}&test=1`)
    await page.waitForFunction(
      () => (globalThis as unknown as HookWindow).__strataTest?.firstRenderMs() !== undefined,
      undefined,
      { timeout: 300_000, polling: 100 },
    )
    const shot = async (name: string): Promise<void> => {
      await page.waitForTimeout(1500)
      const path = join(DIR, `${HOSTS}-${name}.png`)
      await page.screenshot({ path })
      console.log(JSON.stringify({ view: name, path, ...(await viewFigures(page)) }))
    }
    await page.evaluate(() => (globalThis as unknown as HookWindow).__strataTest.fit())
    await shot('fit')
    const host = design.hosts[Math.floor(HOSTS / 2) + 3]?.id ?? ''
    await page.evaluate(
      (id) => (globalThis as unknown as HookWindow).__strataTest.view(1, id),
      host,
    )
    await shot('rack')
    const box = await page.locator('[data-testid="canvas"]').boundingBox()
    if (!box) throw new Error('no canvas')
    // pan: drag from the gap left of the host's rack (between host columns of two racks)
    const gapX = await page.evaluate((id) => {
      const h = (globalThis as unknown as HookWindow).__strataTest
      const hosts = h.nodesInView().filter((n) => n.kind === 'host')
      const rack = hosts.find((n) => n.id === id)?.parent
      const left = Math.min(...hosts.filter((n) => n.parent === rack).map((n) => n.client.x))
      const before = hosts.map((n) => n.client.x).filter((x) => x < left - 1)
      // no rack to its left in view: just outside the rack's hosts
      return before.length > 0 ? (left + Math.max(...before)) / 2 : left - 40
    }, host)
    const revision = await page.evaluate(() =>
      (globalThis as unknown as HookWindow).__strataTest.revision(),
    )
    const from = { x: gapX, y: box.y + box.height / 2 }
    await page.mouse.move(from.x, from.y)
    await page.mouse.down()
    await page.mouse.move(from.x + 500, from.y - 150, { steps: 20 })
    await page.mouse.up()
    await shot('after-pan')
    const edited = await page.evaluate(
      (r) => (globalThis as unknown as HookWindow).__strataTest.revision() !== r,
      revision,
    )
    if (edited) console.log('the pan edited the design (it grabbed a node)')
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    const before = await page.evaluate(() =>
      (globalThis as unknown as HookWindow).__strataTest.zoom(),
    )
    for (let i = 0; i < 10; i++) {
      await page.mouse.wheel(0, 100)
      await page.waitForTimeout(30)
    }
    await shot('ten-notches-out')
    const after = await page.evaluate(() =>
      (globalThis as unknown as HookWindow).__strataTest.zoom(),
    )
    console.log(JSON.stringify({ tenNotchesOutZoomRatio: Number((before / after).toFixed(2)) }))
  } finally {
    api.close()
    await browser.close()
    server.stop()
  }
}

await main()
