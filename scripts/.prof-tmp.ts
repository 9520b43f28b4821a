import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { syntheticDatacenter } from '../src/main/engine/scheduler/synthetic-datacenter'

const hosts = Number(process.argv[2] ?? 5000)
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
const cdp = await page.context().newCDPSession(page)
await cdp.send('Profiler.enable')
await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
await cdp.send('Profiler.start')
await page.goto(`${url}&test=1`)
await page.waitForFunction(() => (globalThis as any).__strataTest?.firstRenderMs() !== undefined, undefined, { timeout: 300000, polling: 200 })
await page.waitForTimeout(500)
const mode = process.argv[3] ?? 'load'
if (mode === 'place') {
  await cdp.send('Profiler.stop')
  await cdp.send('Profiler.start')
  const { ApiClient } = await import('../e2e/fixtures/api-client')
  const u = new URL(url)
  const api = await ApiClient.connect(u.origin, u.searchParams.get('token') ?? '')
  await api.must('scheduler:place', { preset: 'spread' })
  await page.waitForTimeout(8000)
  api.close()
}
const { profile } = (await cdp.send('Profiler.stop')) as any
console.log('firstRender', await page.evaluate(() => (globalThis as any).__strataTest.firstRenderMs()))
const self = new Map<string, number>()
const byId = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]))
const dt = profile.timeDeltas as number[]
const counts = new Map<number, number>()
profile.samples.forEach((id: number, i: number) => counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)))
for (const [id, t] of counts) {
  const n = byId.get(id)
  const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`
  self.set(key, (self.get(key) ?? 0) + t / 1000)
}
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${v.toFixed(0)}ms ${k}`).join('\n'))
// inclusive time for cytoscape-level functions
const parent = new Map<number, number>()
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
const incl = new Map<string, number>()
for (const [id, t] of counts) {
  const seen = new Set<string>()
  let cur: number | undefined = id
  while (cur !== undefined) {
    const n = byId.get(cur)
    const key = `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber}`
    if (!seen.has(key)) { incl.set(key, (incl.get(key) ?? 0) + t / 1000); seen.add(key) }
    cur = parent.get(cur)
  }
}
console.log('--- inclusive')
console.log([...incl].sort((a, b) => b[1] - a[1]).slice(0, 45).map(([k, v]) => `${v.toFixed(0)}ms ${k}`).join('\n'))
await browser.close()
child.kill()
