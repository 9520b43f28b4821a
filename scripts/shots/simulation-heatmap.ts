/**
 * Screenshots of the Simulation tab after a run on a synthetic design (issue 19: results
 * visible at every size, the heatmap's row labels readable, the slider's marker on each chart):
 * the heatmap, the charts under it, and the whole window with the canvas coloured by the run.
 * Usage: `npm run build && npx tsx scripts/shots/simulation-heatmap.ts <outDir> [hosts=10000]
 * [hours=1] [sample=6]`. Prints each chart's marker category as the chart test hook reads it.
 * Needs Chromium at /usr/bin/chromium (or STRATA_CHROMIUM).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { syntheticDatacenter } from '../../src/main/engine'
import { TENANT_COLOURS } from '../../src/main/cli/commands/generate'
import { ApiClient } from '../../e2e/fixtures/api-client'
import { serveBuilt } from '../lib/serve-built'

const [outDir = 'shots', hostsArg = '10000', hoursArg = '1', sampleArg = '6'] =
  process.argv.slice(2)
const hosts = Number(hostsArg)

async function main(): Promise<void> {
  const design = syntheticDatacenter({ hosts, instances: 10 * hosts, tenants: 20, seed: 0 })
  design.tenants.forEach((t, i) => {
    t.colour = TENANT_COLOURS[i % TENANT_COLOURS.length] as string
  })
  const file = join(mkdtempSync(join(tmpdir(), 'strata-shots-')), 'large.strata.json')
  writeFileSync(file, JSON.stringify(design))
  const { url, child } = await serveBuilt(file, { dataDirPrefix: 'strata-shots-' })
  const browser = await chromium.launch({
    executablePath: process.env.STRATA_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  })
  const u = new URL(url)
  const api = await ApiClient.connect(u.origin, u.searchParams.get('token') ?? '')
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } })
    await page.goto(`${url}&test=1`)
    await page.waitForFunction(
      () =>
        (
          globalThis as unknown as { __strataTest?: { firstRenderMs(): number | undefined } }
        ).__strataTest?.firstRenderMs() !== undefined,
      undefined,
      { timeout: 300_000 },
    )
    await api.must('scheduler:place', { preset: 'spread' })
    await page.locator('[data-tab="simulation"]').click()
    await page.locator('#sim-horizon').fill(hoursArg)
    await page.locator('[data-testid="sim-run"]').click()
    await page
      .locator('[data-testid="sim-status"]')
      .filter({ hasText: /^done/ })
      .waitFor({ timeout: 900_000 })
    await page.locator('[data-testid="sim-time"]').fill(sampleArg)
    await page.waitForTimeout(2000)
    mkdirSync(outDir, { recursive: true })
    const heatmap = page.locator('.sim-chart-heatmap')
    await heatmap.scrollIntoViewIfNeeded()
    await page.waitForTimeout(1500)
    await heatmap.screenshot({ path: join(outDir, `cnv19a-heatmap-${hosts}.png`) })
    await page.screenshot({ path: join(outDir, `cnv19a-window-${hosts}.png`) })
    await page.locator('.sim-chart-power').scrollIntoViewIfNeeded()
    await page.waitForTimeout(1500)
    await page
      .locator('[data-testid="simulation-panel"]')
      .screenshot({ path: join(outDir, `cnv19a-panel-${hosts}.png`) })
    const markers = await page.evaluate(() =>
      (
        globalThis as unknown as {
          __strataCharts?: { charts(): Array<{ name: string; marker?: string }> }
        }
      ).__strataCharts
        ?.charts()
        .map((c) => `${c.name}=${c.marker ?? '-'}`),
    )
    console.log(JSON.stringify({ hosts, markers }))
  } finally {
    api.close()
    await browser.close()
    child.kill('SIGTERM')
  }
}

void main()
