/**
 * The `design:get` answer of a 10,000-host design (issue 19) on the window's main thread, in
 * Chromium: its bytes, the main thread's time to `JSON.parse` it (what the web transport
 * does), and what parsing it in a worker would leave on the main thread instead: posting the
 * text there and deserializing the parsed object when it comes back (Chromium deserializes a
 * message's data when the handler first reads it, so that read is timed). Eleven rounds,
 * alternated, medians and the ratio worker / main printed; never asserted. Needs Chromium
 * (/usr/bin/chromium or STRATA_CHROMIUM).
 */
import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'
import { syntheticDatacenter } from '../../src/main/engine'

const ROUNDS = 11
const HOSTS = 10_000

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

// a string, so the bundler's helpers (tsx keeps function names) never reach the page
const MEASURE = `async ([text, rounds]) => {
  const source = 'onmessage = (e) => postMessage(JSON.parse(e.data))'
  const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })))
  const rows = []
  for (let k = 0; k < rounds; k++) {
    let t = performance.now()
    if (!JSON.parse(text)) throw new Error('empty')
    const parseMs = performance.now() - t
    t = performance.now()
    worker.postMessage(text)
    const postMs = performance.now() - t
    const readMs = await new Promise((resolve) => {
      worker.onmessage = (e) => {
        const t0 = performance.now()
        if (!e.data) throw new Error('empty')
        resolve(performance.now() - t0)
      }
    })
    rows.push({ parseMs, postMs, readMs })
    await new Promise((r) => setTimeout(r, 100))
  }
  worker.terminate()
  return rows
}`

export async function run(): Promise<void> {
  const executablePath = process.env.STRATA_CHROMIUM ?? '/usr/bin/chromium'
  if (!existsSync(executablePath)) {
    console.log('design-payload bench skipped: no Chromium')
    return
  }
  const design = syntheticDatacenter({ hosts: HOSTS, instances: 10 * HOSTS, tenants: 20, seed: 0 })
  // the web transport's message: `{type, id, result}` around design:get's answer
  const text = JSON.stringify({
    type: 'strata:call',
    id: 1,
    result: { ok: true, value: { design, problems: [] } },
  })
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  })
  try {
    const page = await browser.newPage()
    await page.goto('about:blank')
    const fn = `(${MEASURE})(${JSON.stringify([text, ROUNDS])})`
    const rows = (await page.evaluate(fn)) as Array<Record<'parseMs' | 'postMs' | 'readMs', number>>
    const parseMs = median(rows.map((r) => r.parseMs))
    const workerMs = median(rows.map((r) => r.postMs + r.readMs))
    console.log(
      JSON.stringify({
        hosts: HOSTS,
        payloadBytes: Buffer.byteLength(text),
        mainParseMsMedian: Math.round(parseMs),
        workerLeavesOnMainMsMedian: Math.round(workerMs),
        workerOverMainRatio: Number((workerMs / parseMs).toFixed(2)),
      }),
    )
  } finally {
    await browser.close()
  }
}
