/**
 * Canvas at datacenter scale (issues 5 and 19): for synthetic designs of 2,000 / 5,000 /
 * 10,000 hosts with 10 instances each, served through the real web host and opened in
 * Chromium at 1600×1000, prints
 * - time to first frame (navigation start -> design painted) and the CPU it took (`loadCpuMs`:
 *   the page's main thread and the web host's process; steadier than times on a loaded machine),
 * - the longest main-thread task (PerformanceObserver 'longtask') during load, pan (mouse drag
 *   on the canvas), a drag through the minimap, wheel zoom, click-to-inspector, placement of every
 *   instance and a one-hour simulation run,
 * - Cytoscape's element-layer redraws during the pan, the minimap drag and the wheel zoom
 *   (`layerRedraws`: each a full-size canvas drawn; a moved drawing is none),
 * - click-to-inspector latency (pointer down on a host -> its name in the inspector),
 * - placement paint time (request -> every instance counted in the racks' glyphs), drag
 *   move -> frame latency, hosts on the canvas and racks coloured after the run, and the JS
 *   heap after a forced GC. Above 100 hosts only the racks zoomed into have host nodes.
 * Figures are printed, never asserted. `STRATA_BENCH_CANVAS_HOSTS=2000,5000` picks sizes;
 * `STRATA_BENCH_CANVAS_WEBGL=1` opens the app with `&webgl=1` (Cytoscape's WebGL renderer).
 * `STRATA_BENCH_CANVAS_QUICK=1` stops after the click (load, pan, wheel and click figures only).
 * `STRATA_BENCH_CANVAS_PROFILE=<dir>` writes a CPU profile of the load, pan, wheel, click,
 * placement and run phases (and the minimap drag) to `<dir>/<hosts>-<phase>.cpuprofile` and prints their hottest functions.
 * `STRATA_BENCH_CANVAS_TRACE=<dir>` traces the pan (`<dir>/<hosts>-pan.trace.json`) and reports
 * the compositor's Commits during it (`panCommits`: count, total, longest, mean ms; frames drawn).
 * `STRATA_BENCH_CANVAS_SERVER_PROFILE=<dir>` has the web host write a CPU profile of its life there.
 * `STRATA_BENCH_CANVAS_TASKS=<dir>` traces the run (`<dir>/<hosts>-run.trace.json`) and reports its
 * main-thread tasks' wall and CPU time (`runTasks`: longest by wall and by CPU, tasks over 50 ms CPU).
 * Needs the built app (`npm run build`) and Chromium (/usr/bin/chromium or STRATA_CHROMIUM).
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { syntheticDatacenter } from '../../src/main/engine'
import { TENANT_COLOURS } from '../../src/main/cli/commands/generate'
import { ApiClient } from '../../e2e/fixtures/api-client'
import type { NodeFact, StrataTestHook } from '../../src/renderer/src/canvas/test-hook-types'
import { profilePhase } from './lib/cpu-profile'
import { serveBuilt } from '../lib/serve-built'
import { traceCommits, type CommitFigures } from './canvas-trace'
import { traceTasks, type TaskFigures } from './canvas-tasks'

const SIZES = (process.env.STRATA_BENCH_CANVAS_HOSTS ?? '2000,5000,10000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0)
const WEBGL = process.env.STRATA_BENCH_CANVAS_WEBGL === '1'
const PROFILE = process.env.STRATA_BENCH_CANVAS_PROFILE || undefined
/** Where a Chromium trace of the pan is written (its Commits are summed into the figures). */
const TRACE = process.env.STRATA_BENCH_CANVAS_TRACE || undefined
/** Where the web host writes a V8 CPU profile of its whole life (`node --cpu-prof`). */
const SERVER_PROFILE = process.env.STRATA_BENCH_CANVAS_SERVER_PROFILE || undefined
/** Where a Chromium trace of the run is written (its main-thread tasks' wall and CPU times). */
const TASKS = process.env.STRATA_BENCH_CANVAS_TASKS || undefined
/** Stops after the click (no drags, placement or run): for iterating on load and selection. */
const QUICK = process.env.STRATA_BENCH_CANVAS_QUICK === '1'
const DRAGS = 5
/** The index of Cytoscape's element layer (its canvas is `data-id="layer2-node"`). */
const NODE_LAYER = 2
const VIEWPORT = { width: 1600, height: 1000 }

type HookWindow = { __strataTest: StrataTestHook }
type LongTask = { start: number; duration: number }

const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
}
const round = (n: number): number => Math.round(n)

/** CPU time (user + system, ms) process `pid` has used, from `/proc` (NaN where there is none). */
function processCpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
    // utime and stime are fields 14 and 15 of stat (12 and 13 after the name), in 1/100 s
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return NaN
  }
}

async function serve(
  file: string,
): Promise<{ url: string; stop: () => void; cpuMs: () => number }> {
  const profile = SERVER_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${SERVER_PROFILE}`] : []
  const { url, child, stop } = await serveBuilt(file, {
    nodeArgs: profile,
    dataDirPrefix: 'strata-bench-',
  })
  return { url, stop, cpuMs: () => processCpuMs(child.pid) }
}

// strings, so the bundler's helpers (tsx keeps function names) never reach the page; also
// counts the redraws of Cytoscape's element layer (its canvas cleared), per phase
const OBSERVE_LONG_TASKS = `(() => {
  window.__layerDraws = 0
  const clear = CanvasRenderingContext2D.prototype.clearRect
  CanvasRenderingContext2D.prototype.clearRect = function (...args) {
    if (this.canvas.getAttribute('data-id') === 'layer${NODE_LAYER}-node') window.__layerDraws++
    return clear.apply(this, args)
  }
  window.__longTasks = []
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration })
  }).observe({ type: 'longtask', buffered: true })
})()`

/**
 * Where the first frame's time went, ms since navigation start: the page's scripts fetched
 * (`scriptsMs`: the last script's responseEnd), the app mounted, the session known, the
 * design asked for and arrived (`designGet` start and duration), the canvas built
 * (`canvasLoad` start and duration, and each of its slices) and its JS (`scriptKiB`: transferred bytes of the scripts
 * loaded before the first frame).
 */
const STARTUP_BREAKDOWN = `(() => {
  const at = (name) => Math.round(performance.getEntriesByName(name)[0]?.startTime ?? NaN)
  const span = (name) => {
    const m = performance.getEntriesByName(name, 'measure')[0]
    return m ? [Math.round(m.startTime), Math.round(m.duration)] : undefined
  }
  const scripts = performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js'))
  return {
    scriptsMs: Math.round(Math.max(0, ...scripts.map((r) => r.responseEnd))),
    scriptKiB: Math.round(scripts.reduce((n, r) => n + (r.encodedBodySize || 0), 0) / 1024),
    domContentLoadedMs: Math.round(performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? NaN),
    mountedMs: at('app:mounted'),
    sessionMs: at('app:info'),
    designGet: span('design:get'),
    canvasLoad: span('canvas:load'),
    slicesMs: performance.getEntriesByName('canvas:load:slice').map((m) => Math.round(m.duration)),
  }
})()`

/**
 * CPU time (ms) Chromium's renderer processes (the page: every thread of it) and its other
 * processes (browser, GPU) have used so far (CDP `SystemInfo.getProcessInfo`).
 */
async function chromiumCpuMs(browser: Browser): Promise<{ renderer: number; other: number }> {
  const cdp = await browser.newBrowserCDPSession()
  try {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
      processInfo: Array<{ type: string; cpuTime: number }>
    }
    const sum = (rows: typeof processInfo): number => rows.reduce((n, p) => n + p.cpuTime, 0) * 1000
    return {
      renderer: sum(processInfo.filter((p) => p.type === 'renderer')),
      other: sum(processInfo.filter((p) => p.type !== 'renderer')),
    }
  } finally {
    await cdp.detach()
  }
}

const now = (page: Page): Promise<number> => page.evaluate(() => performance.now())

/** The longest task (ms) that started in [from, to), 0 when none was long (> 50 ms). */
async function longest(page: Page, from: number, to = Infinity): Promise<number> {
  const tasks = await page.evaluate(
    () => (globalThis as unknown as { __longTasks: LongTask[] }).__longTasks,
  )
  return round(
    Math.max(0, ...tasks.filter((t) => t.start >= from && t.start < to).map((t) => t.duration)),
  )
}

const layerDraws = (page: Page): Promise<number> =>
  page.evaluate(() => (globalThis as unknown as { __layerDraws: number }).__layerDraws)

/** Element-layer redraws per phase (`phase` adds each phase's). */
type Draws = Record<string, number>

/**
 * Runs `action` and returns the longest task during it (plus `settleMs` after it); with
 * `draws`, counts the element layer's redraws during it as `draws[name]`.
 */
async function phase(
  page: Page,
  action: () => Promise<void>,
  settleMs = 300,
  draws?: { into: Draws; name: string },
): Promise<number> {
  const from = await now(page)
  const drawsBefore = await layerDraws(page)
  await action()
  await page.waitForTimeout(settleMs)
  if (draws) draws.into[draws.name] = (await layerDraws(page)) - drawsBefore
  return longest(page, from)
}

/** Evaluates `expr` in the page with `h` bound to the test hook and `a` to `arg`. */
const hook = <T>(page: Page, expr: string, arg = ''): Promise<T> =>
  page.evaluate(`((h, a) => ${expr})(window.__strataTest, ${JSON.stringify(arg)})`) as Promise<T>

async function measure(browser: Browser, hosts: number): Promise<Record<string, unknown>> {
  const design = syntheticDatacenter({ hosts, instances: 10 * hosts, tenants: 20, seed: 0 })
  // each tenant its colour, as `strata generate` gives them (the synthetic design has none,
  // so every tenant's ring and share was drawn in the same default blue)
  design.tenants.forEach((t, i) => {
    t.colour = TENANT_COLOURS[i % TENANT_COLOURS.length] as string
  })
  const file = join(mkdtempSync(join(tmpdir(), 'strata-bench-')), 'large.strata.json')
  writeFileSync(file, JSON.stringify(design))
  const server = await serve(file)
  const page = await browser.newPage({ viewport: VIEWPORT })
  const api = await (async () => {
    const u = new URL(server.url)
    return ApiClient.connect(u.origin, u.searchParams.get('token') ?? '')
  })()
  const cdp = await page.context().newCDPSession(page)
  const hostCpuBefore = server.cpuMs()
  const chromiumBefore = await chromiumCpuMs(browser)
  const profile = async (name: string, action: () => Promise<void>): Promise<void> => {
    const hot = await profilePhase(cdp, PROFILE, `${hosts}-${name}`, action)
    if (!PROFILE) return
    console.log(`--- ${hosts} hosts, ${name}: self ms`)
    for (const f of hot.self) console.log(`${String(f.selfMs).padStart(7)}  ${f.name}`)
    console.log(`--- ${hosts} hosts, ${name}: total ms`)
    for (const f of hot.total) console.log(`${String(f.totalMs).padStart(7)}  ${f.name}`)
  }
  try {
    await page.addInitScript(OBSERVE_LONG_TASKS)
    await profile('load', async () => {
      await page.goto(`${server.url}&test=1${WEBGL ? '&webgl=1' : ''}`)
      await page.waitForFunction(
        () => (globalThis as unknown as HookWindow).__strataTest?.firstRenderMs() !== undefined,
        undefined,
        { timeout: 300_000, polling: 50 },
      )
    })
    const firstFrameMs = (await hook<number | undefined>(page, 'h.firstRenderMs()')) ?? NaN
    // CPU to the first frame (steadier than its time on a loaded machine): the page's renderer
    // process, Chromium's others (browser, GPU) and the web host
    const chromiumAfter = await chromiumCpuMs(browser)
    const loadCpuMs = {
      renderer: round(chromiumAfter.renderer - chromiumBefore.renderer),
      chromiumOther: round(chromiumAfter.other - chromiumBefore.other),
      host: round(server.cpuMs() - hostCpuBefore),
    }
    const startup = await page.evaluate(STARTUP_BREAKDOWN)
    await page.waitForTimeout(1000)
    const load = await longest(page, 0)
    // every long task of the load, [start, duration] ms: which stage (see `startup`) was long
    const loadTasks = (
      await page.evaluate(() => (globalThis as unknown as { __longTasks: LongTask[] }).__longTasks)
    ).map((t) => [round(t.start), round(t.duration)])
    const canvasNodes = await hook<number>(page, 'h.nodeCount()')
    const box = (await page.locator('[data-testid="canvas"]').boundingBox()) ?? {
      x: 0,
      y: 0,
      width: 800,
      height: 600,
    }
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 }

    // pan: drag the view with the mouse
    let panCommits: CommitFigures | undefined
    const traced = async (action: () => Promise<void>): Promise<void> => {
      if (!TRACE) return action()
      panCommits = await traceCommits(browser, page, TRACE, `${hosts}-pan`, action)
    }
    const layerRedraws: Draws = {}
    const pan = await phase(
      page,
      () =>
        traced(() =>
          profile('pan', async () => {
            // from the fitted view's left margin (empty in every layout), so it pans, not drags
            await page.mouse.move(box.x + 12, centre.y)
            await page.mouse.down()
            await page.mouse.move(box.x + 312, centre.y + 100, { steps: 20 })
            await page.mouse.up()
            await page.waitForTimeout(300)
          }),
        ),
      300,
      { into: layerRedraws, name: 'pan' },
    )
    // a drag through the minimap, corner to corner
    const minimap = await phase(
      page,
      () =>
        profile('minimap', async () => {
          const mini = await page.locator('.minimap').boundingBox()
          if (!mini) return
          await page.mouse.move(mini.x + 10, mini.y + 10)
          await page.mouse.down()
          await page.mouse.move(mini.x + mini.width - 10, mini.y + mini.height - 10, { steps: 20 })
          await page.mouse.up()
          await page.waitForTimeout(300)
        }),
      300,
      { into: layerRedraws, name: 'minimap' },
    )
    // wheel: 10 notches in, then 10 out, over the centre
    const zoomBefore = await hook<number>(page, 'h.zoom()')
    let zoomAfterTenNotches = NaN
    const wheel = await phase(
      page,
      () =>
        profile('wheel', async () => {
          await page.mouse.move(centre.x, centre.y)
          for (let i = 0; i < 10; i++) {
            await page.mouse.wheel(0, -100)
            await page.waitForTimeout(30)
          }
          zoomAfterTenNotches = await hook<number>(page, 'h.zoom()')
          for (let i = 0; i < 10; i++) {
            await page.mouse.wheel(0, 100)
            await page.waitForTimeout(30)
          }
          await page.waitForTimeout(300)
        }),
      300,
      { into: layerRedraws, name: 'wheel' },
    )

    // click a host at zoom 1 -> its name in the inspector
    const target = design.hosts[Math.floor(hosts / 2) + 3]?.id ?? ''
    await hook(page, 'h.view(1, a)', target)
    await page.waitForTimeout(300)
    const at = await hook<{ x: number; y: number } | undefined>(page, 'h.clientPosition(a)', target)
    const clickFrom = await now(page)
    // pointer down (capture) -> the first frame where the inspector names the host
    const waitInspector = page.evaluate(`new Promise((resolve) => {
      let t0 = NaN
      window.addEventListener('pointerdown', (e) => (t0 = e.timeStamp), { capture: true, once: true })
      const check = () => {
        const text = document.querySelector('[data-testid="inspector"]')?.textContent ?? ''
        if (!Number.isNaN(t0) && text.includes(${JSON.stringify(target)})) resolve(performance.now() - t0)
        else requestAnimationFrame(check)
      }
      requestAnimationFrame(check)
    })`) as Promise<number>
    await page.waitForTimeout(50)
    let clickToInspectorMs = NaN
    await profile('click', async () => {
      if (at) await page.mouse.click(at.x, at.y)
      clickToInspectorMs = await Promise.race([
        waitInspector,
        page.waitForTimeout(20_000).then(() => NaN),
      ])
      await page.waitForTimeout(300)
    })
    const click = await longest(page, clickFrom)
    if (QUICK) {
      await cdp.send('HeapProfiler.collectGarbage')
      const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
      return {
        hosts,
        canvasNodes,
        firstFrameMs: round(firstFrameMs),
        startup,
        loadCpuMs,
        loadTasks,
        longestTaskMs: { load, pan, minimap, wheel, click },
        panCommits,
        layerRedraws,
        clickToInspectorMs: round(clickToInspectorMs),
        wheelTenNotchesZoomRatio: Number((zoomAfterTenNotches / zoomBefore).toFixed(2)),
        heapMiB: round(heap.usedSize / 2 ** 20),
      }
    }

    // drag hosts with the real mouse: move -> frame latency
    const moveLatency: number[] = []
    for (const host of design.hosts.filter((_, i) => i % Math.floor(hosts / DRAGS) === 7)) {
      await hook(page, 'h.view(1, a)', host.id)
      const fact = await hook<NodeFact | undefined>(page, 'h.node(a)', host.id)
      if (!fact) continue
      await page.mouse.move(fact.client.x, fact.client.y)
      await page.mouse.down()
      await page.mouse.move(fact.client.x + 10, fact.client.y + 10)
      const before =
        (await hook<NodeFact | undefined>(page, 'h.node(a)', host.id))?.rendered ?? fact.rendered
      const t0 = await now(page)
      const [t1] = await Promise.all([
        page.evaluate(
          ([id, from]) =>
            (globalThis as unknown as HookWindow).__strataTest.waitForNodeMove(id, from),
          [host.id, before] as const,
        ),
        page.mouse.move(fact.client.x + 45, fact.client.y + 25),
      ])
      moveLatency.push(t1 - t0)
      await page.mouse.up()
      await page.waitForTimeout(200)
    }

    // placement of every instance: request -> first host painted with its instances
    const placeFrom = await now(page)
    let placedCount = 0
    let placementPaintMs = NaN
    await profile('placement', async () => {
      const placed = await api.must('scheduler:place', { preset: 'spread' })
      placedCount = placed.placed.length
      // every instance counted in the racks' glyphs (hosts of racks not zoomed into are not
      // on the canvas: the glyphs are what shows their placement)
      await page.waitForFunction(
        (count) =>
          Object.values((globalThis as unknown as HookWindow).__strataTest.rackTotals()).reduce(
            (n, t) => n + t.instances,
            0,
          ) >= count,
        placedCount,
        { timeout: 300_000, polling: 'raf' },
      )
      placementPaintMs = (await now(page)) - placeFrom
      await page.waitForTimeout(500)
    })
    const placement = await longest(page, placeFrom)

    // a one-hour run from the Simulation tab, until done and painted
    await page.locator('[data-tab="simulation"]').click()
    const runFrom = await now(page)
    let runTasks: TaskFigures | undefined
    const tracedRun = async (action: () => Promise<void>): Promise<void> => {
      if (!TASKS) return action()
      runTasks = await traceTasks(browser, page, TASKS, `${hosts}-run`, action)
    }
    await tracedRun(() =>
      profile('run', async () => {
        await page.locator('#sim-horizon').fill('1')
        await page.locator('[data-testid="sim-run"]').click()
        await page
          .locator('[data-testid="sim-status"]')
          .filter({ hasText: /^done/ })
          .waitFor({ timeout: 600_000 })
        await page.waitForTimeout(1500)
      }),
    )
    const runLongest = await longest(page, runFrom)
    const coloured = await hook<number>(
      page,
      "h.facts().nodes.filter((n) => n.kind === 'host' && n.utilization !== undefined).length",
    )
    const racksColoured = await hook<number>(
      page,
      'Object.values(h.rackTotals()).filter((t) => t.utilization !== undefined).length',
    )

    await cdp.send('HeapProfiler.collectGarbage')
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
    return {
      hosts,
      instances: placedCount,
      canvasNodes,
      webgl: WEBGL,
      firstFrameMs: round(firstFrameMs),
      startup,
      loadCpuMs,
      loadTasks,
      longestTaskMs: { load, pan, minimap, wheel, click, placement, run: runLongest },
      runTasks,
      panCommits,
      layerRedraws,
      clickToInspectorMs: round(clickToInspectorMs),
      placementPaintMs: round(placementPaintMs),
      dragMoveToFrameMsMedian: round(quantile(moveLatency, 0.5)),
      wheelTenNotchesZoomRatio: Number((zoomAfterTenNotches / zoomBefore).toFixed(2)),
      hostsOnCanvasColouredAfterRun: coloured,
      racksColouredAfterRun: racksColoured,
      heapMiB: round(heap.usedSize / 2 ** 20),
    }
  } finally {
    api.close()
    await page.close()
    server.stop()
  }
}

export async function run(): Promise<void> {
  if (!existsSync('out/main/cli.js') || !existsSync('out/renderer/index.html')) {
    console.log('canvas bench skipped: build the app first (npm run build)')
    return
  }
  const browser = await chromium.launch({
    executablePath: process.env.STRATA_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--no-first-run', ...(WEBGL ? [] : ['--disable-gpu'])],
  })
  try {
    for (const hosts of SIZES) {
      const figures = await measure(browser, hosts)
      console.log(JSON.stringify(figures))
    }
  } finally {
    await browser.close()
  }
}
