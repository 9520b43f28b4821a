/**
 * Canvas responsiveness at 2,000 hosts and 20,000 instances (issue 5): serves a synthetic
 * design through the real web host, opens it in Chromium and prints
 * - time to first render (navigation start -> design painted on the canvas),
 * - time to paint a placement of every instance (pies per tenant on the hosts),
 * - median / p90 latency from a mouse move during a node drag to the frame showing the node
 *   at its new place, and from the mouse release to the engine-confirmed move on the canvas,
 * - frame intervals while zooming with the wheel and panning through the minimap.
 * Needs the built app (`npm run build`) and Chromium (/usr/bin/chromium or STRATA_CHROMIUM).
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { syntheticDatacenter } from '../../src/main/engine/scheduler/synthetic-datacenter'
import { ApiClient } from '../../e2e/fixtures/api-client'
import type { StrataTestHook } from '../../src/renderer/src/canvas/test-hook-types'

const HOSTS = 2000
const INSTANCES = 20_000
const DRAGS = 15

type HookWindow = { __strataTest: StrataTestHook }

const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
}
const ms = (n: number): string => `${n.toFixed(1)} ms`

async function serve(file: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['out/main/cli.js', 'serve', file, '--port', '0'], {
    env: { ...process.env, STRATA_DATA_DIR: mkdtempSync(join(tmpdir(), 'strata-bench-')) },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += String(chunk)
      const match = /serving on (\S+)/.exec(out)
      if (match?.[1]) resolve(match[1])
    })
    child.once('exit', (code) => reject(new Error(`strata serve exited with ${code}`)))
  })
  return { url, stop: () => child.kill('SIGTERM') }
}

/** Frame intervals (ms) recorded in the page while `action` runs. */
async function frames(page: Page, action: () => Promise<void>): Promise<number[]> {
  // a string, so the bundler's helpers (tsx keeps function names) never reach the page
  await page.evaluate(`(() => {
    window.__frames = []
    window.__recording = true
    requestAnimationFrame(function tick(t) {
      window.__frames.push(t)
      if (window.__recording) requestAnimationFrame(tick)
    })
  })()`)
  await action()
  const stamps = await page.evaluate(() => {
    const w = globalThis as unknown as { __frames: number[]; __recording: boolean }
    w.__recording = false
    return w.__frames
  })
  return stamps.slice(1).map((t, i) => t - (stamps[i] as number))
}

export async function run(): Promise<void> {
  if (!existsSync('out/main/cli.js') || !existsSync('out/renderer/index.html')) {
    console.log('canvas bench skipped: build the app first (npm run build)')
    return
  }
  const design = syntheticDatacenter({ hosts: HOSTS, instances: INSTANCES, tenants: 20, seed: 0 })
  const instances = design.workloads.reduce((n, w) => n + w.count, 0)
  const file = join(mkdtempSync(join(tmpdir(), 'strata-bench-')), 'large.strata.json')
  writeFileSync(file, JSON.stringify(design))
  const server = await serve(file)
  const executablePath = process.env.STRATA_CHROMIUM ?? '/usr/bin/chromium'
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await page.goto(`${server.url}&test=1`)
    await page.waitForFunction(
      () => (globalThis as unknown as HookWindow).__strataTest?.firstRenderMs() !== undefined,
      undefined,
      { timeout: 120_000, polling: 50 },
    )
    const firstRenderMs = await page.evaluate(() =>
      (globalThis as unknown as HookWindow).__strataTest.firstRenderMs(),
    )
    const phases = await page.evaluate(() =>
      Object.fromEntries([
        ...performance.getEntriesByType('measure').map((m) => [m.name, Math.round(m.duration)]),
        ...performance
          .getEntriesByType('mark')
          .map((m) => [`at:${m.name}`, Math.round(m.startTime)]),
      ]),
    )
    const nodes = await page.evaluate(() =>
      (globalThis as unknown as HookWindow).__strataTest.nodeCount(),
    )

    // place every instance and wait for the pies on the canvas
    const u = new URL(server.url)
    const api = await ApiClient.connect(u.origin, u.searchParams.get('token') ?? '')
    const placeStart = await page.evaluate(() => performance.now())
    const placed = await api.must('scheduler:place', { preset: 'spread' })
    await page.waitForFunction(
      (hostId) =>
        ((globalThis as unknown as HookWindow).__strataTest.node(hostId)?.classes ?? []).some(
          (c) => c === 'placed' || c === 'placed-compact',
        ),
      placed.placed[0]?.hostId ?? '',
      { timeout: 120_000, polling: 'raf' },
    )
    const placementPaintMs = (await page.evaluate(() => performance.now())) - placeStart
    const placementPhases = await page.evaluate(() => ({
      eventAt: Math.round(performance.getEntriesByName('scheduler:placed')[0]?.startTime ?? NaN),
      overlayMs: Math.round(
        Math.max(...performance.getEntriesByName('canvas:overlay').map((m) => m.duration)),
      ),
    }))

    // zoom in on a rack, then drag hosts with the real mouse
    const hostIds = design.hosts
      .filter((_, i) => i % Math.floor(HOSTS / DRAGS) === 7)
      .slice(0, DRAGS)
    const moveLatency: number[] = []
    const commitLatency: number[] = []
    for (const host of hostIds) {
      await page.evaluate(
        (id) => (globalThis as unknown as HookWindow).__strataTest.view(1, id),
        host.id,
      )
      const fact = await page.evaluate(
        (id) => (globalThis as unknown as HookWindow).__strataTest.node(id),
        host.id,
      )
      if (!fact) continue
      await page.mouse.move(fact.client.x, fact.client.y)
      await page.mouse.down()
      await page.mouse.move(fact.client.x + 10, fact.client.y + 10)
      const before = await page.evaluate(
        (id) => (globalThis as unknown as HookWindow).__strataTest.node(id)?.rendered,
        host.id,
      )
      const t0 = await page.evaluate(() => performance.now())
      const [t1] = await Promise.all([
        page.evaluate(
          ([id, from]) =>
            (globalThis as unknown as HookWindow).__strataTest.waitForNodeMove(id, from),
          [host.id, before ?? fact.rendered] as const,
        ),
        page.mouse.move(fact.client.x + 45, fact.client.y + 25),
      ])
      moveLatency.push(t1 - t0)
      const revision = await page.evaluate(() =>
        (globalThis as unknown as HookWindow).__strataTest.revision(),
      )
      const r0 = await page.evaluate(() => performance.now())
      await page.mouse.up()
      await page.waitForFunction(
        (rev) => (globalThis as unknown as HookWindow).__strataTest.revision() > rev,
        revision,
        { polling: 'raf' },
      )
      commitLatency.push((await page.evaluate(() => performance.now())) - r0)
    }

    // fit, then zoom with the wheel and pan through the minimap, recording frame intervals
    await page.evaluate(() => (globalThis as unknown as HookWindow).__strataTest.view(0.3))
    const box = await page.locator('[data-testid="canvas"]').boundingBox()
    const wheel = await frames(page, async () => {
      await page.mouse.move((box?.x ?? 0) + 400, (box?.y ?? 0) + 300)
      for (let i = 0; i < 10; i++) await page.mouse.wheel(0, i < 5 ? -200 : 200)
    })
    const mini = await page.locator('.minimap').boundingBox()
    const pan = await frames(page, async () => {
      if (!mini) return
      await page.mouse.move(mini.x + 10, mini.y + 10)
      await page.mouse.down()
      await page.mouse.move(mini.x + mini.width - 10, mini.y + mini.height - 10, { steps: 30 })
      await page.mouse.up()
    })

    console.log(
      JSON.stringify({
        hosts: HOSTS,
        instances,
        canvasNodes: nodes,
        placedInstances: placed.placed.length,
        firstRenderMs: Math.round(firstRenderMs ?? NaN),
        phasesMs: phases,
        placementPaintMs: Math.round(placementPaintMs),
        placementPhases: { ...placementPhases, requestedAt: Math.round(placeStart) },
        dragMoveToFrameMsMedian: Number(quantile(moveLatency, 0.5).toFixed(1)),
        dragMoveToFrameMsP90: Number(quantile(moveLatency, 0.9).toFixed(1)),
        dragReleaseToCommittedMsMedian: Number(quantile(commitLatency, 0.5).toFixed(1)),
        wheelZoomFrameMsMedian: Number(quantile(wheel, 0.5).toFixed(1)),
        wheelZoomFrameMsMax: Number(Math.max(...wheel).toFixed(1)),
        minimapPanFrameMsMedian: Number(quantile(pan, 0.5).toFixed(1)),
        minimapPanFrameMsMax: Number(Math.max(...pan).toFixed(1)),
      }),
    )
    console.log(
      `first render ${ms(firstRenderMs ?? NaN)}; drag move->frame median ${ms(quantile(moveLatency, 0.5))}; release->committed median ${ms(quantile(commitLatency, 0.5))}`,
    )
    api.close()
  } finally {
    await browser.close()
    server.stop()
  }
}
