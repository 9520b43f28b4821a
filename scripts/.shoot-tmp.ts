import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { syntheticDatacenter } from '../src/main/engine/scheduler/synthetic-datacenter'

const hosts = Number(process.argv[2] ?? 10000)
const tag = process.argv[3] ?? 'x'
const design = syntheticDatacenter({ hosts, instances: 10 * hosts, tenants: 20, seed: 0 })
const file = join(mkdtempSync(join(tmpdir(), 'shoot-')), 'd.strata.json')
writeFileSync(file, JSON.stringify(design))
const child = spawn(process.execPath, ['out/main/cli.js', 'serve', file, '--port', '0'], {
  env: { ...process.env, STRATA_DATA_DIR: mkdtempSync(join(tmpdir(), 'shoot-')) },
  stdio: ['ignore', 'pipe', 'inherit'],
})
const url = await new Promise<string>((resolve) => {
  let out = ''
  child.stdout.on('data', (c: Buffer) => {
    out += String(c)
    const m = /serving on (\S+)/.exec(out)
    if (m?.[1]) resolve(m[1])
  })
})
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] })
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } })
console.log('goto', url)
await page.goto(`${url}&test=1`)
await page.waitForFunction(() => (globalThis as any).__strataTest?.firstRenderMs() !== undefined, undefined, { timeout: 300000, polling: 200 })
await page.waitForTimeout(1500)
await page.screenshot({ path: `/work/notes/screens/19/${tag}-${hosts}-fit.png` })
console.log(JSON.stringify(await page.evaluate('window.__strataTest.labels().slice(0,5)')), await page.evaluate('window.__strataTest.zoom()'))
await page.evaluate(`window.__strataTest.view(0.25, 'host-000${String(Math.floor(hosts/2)).padStart(3,"0")}')`)
await page.waitForTimeout(800)
await page.screenshot({ path: `/work/notes/screens/19/${tag}-${hosts}-mid.png` })
await page.evaluate(`window.__strataTest.view(1, 'host-000${String(Math.floor(hosts/2)).padStart(3,"0")}')`)
await page.waitForTimeout(800)
await page.screenshot({ path: `/work/notes/screens/19/${tag}-${hosts}-zoom.png` })
await browser.close()
child.kill()
