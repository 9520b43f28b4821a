/**
 * What moving the Simulation tab's time slider costs the page (issue 19): after a run on a
 * synthetic design, moves the slider `moves` times (150 ms apart) with the heatmap on screen and
 * prints the page's main-thread tasks during the moves (CPU and wall, from a Chromium trace:
 * `canvas-tasks.ts`). Usage: `npm run build && npx tsx scripts/shots/slider-cost.ts [hosts=1000]
 * [hours=24] [moves=20] [appDir=.]` (`appDir`: the built app to serve, for a before/after pair).
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { syntheticDatacenter } from '../../src/main/engine'
import { ApiClient } from '../../e2e/fixtures/api-client'
import { traceTasks } from '../bench/canvas-tasks'
import { serveBuilt } from '../lib/serve-built'

const [hostsArg = '1000', hoursArg = '24', movesArg = '20', appDir = '.'] = process.argv.slice(2)
const hosts = Number(hostsArg)

async function main(): Promise<void> {
  const design = syntheticDatacenter({ hosts, instances: 10 * hosts, tenants: 20, seed: 0 })
  const dir = mkdtempSync(join(tmpdir(), 'strata-slider-'))
  const file = join(dir, 'large.strata.json')
  writeFileSync(file, JSON.stringify(design))
  const { url, child } = await serveBuilt(file, { cwd: appDir, dataDirPrefix: 'strata-slider-' })
  const browser = await chromium.launch({
    executablePath: process.env.STRATA_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  })
  const u = new URL(url)
  const api = await ApiClient.connect(u.origin, u.searchParams.get('token') ?? '')
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } })
    await page.goto(`${url}&test=1`)
    await page.locator('[data-testid="canvas"]').waitFor({ timeout: 300_000 })
    await api.must('scheduler:place', { preset: 'spread' })
    await page.locator('[data-tab="simulation"]').click()
    await page.locator('#sim-horizon').fill(hoursArg)
    await page.locator('[data-testid="sim-run"]').click()
    await page
      .locator('[data-testid="sim-status"]')
      .filter({ hasText: /^done/ })
      .waitFor({ timeout: 900_000 })
    await page.locator('.sim-chart-heatmap').scrollIntoViewIfNeeded()
    await page.waitForTimeout(4000)
    const samples = Number(await page.locator('[data-testid="sim-time"]').getAttribute('max')) + 1
    const moves = Number(movesArg)
    const tasks = await traceTasks(browser, page, dir, 'slider', async () => {
      for (let i = 1; i <= moves; i++) {
        await page
          .locator('[data-testid="sim-time"]')
          .fill(String(Math.floor((i * samples) / (moves + 1))))
        await page.waitForTimeout(150)
      }
      await page.waitForTimeout(1500)
    })
    console.log(JSON.stringify({ hosts, samples, moves, appDir, tasks }))
  } finally {
    api.close()
    await browser.close()
    child.kill('SIGTERM')
  }
}

void main()
