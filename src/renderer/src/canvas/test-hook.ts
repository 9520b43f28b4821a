/**
 * Installs `window.__strataTest`, the typed canvas hook e2e tests read through page objects.
 * Installed when the page URL has `test=1` in its query, or always in a dev build; a normal
 * production page has no hook.
 */
import type { TopologyCanvas } from './topology-canvas'
import type { StrataTestHook } from './test-hook-types'

let firstRender: number | undefined

/** Whether this page should carry the hook. */
export function testHookWanted(): boolean {
  if ((import.meta as unknown as { env?: { DEV?: boolean } }).env?.DEV) return true
  if (typeof location === 'undefined') return false
  return new URLSearchParams(location.search).get('test') === '1'
}

/** Records when the first design was painted: ms since navigation start (after 2 frames). */
export function markFirstRender(): void {
  if (firstRender !== undefined || typeof requestAnimationFrame !== 'function') return
  firstRender = -1
  requestAnimationFrame(() => requestAnimationFrame(() => (firstRender = performance.now())))
}

export function installTestHook(getCanvas: () => TopologyCanvas | undefined): () => void {
  if (!testHookWanted()) return () => undefined
  const hook: StrataTestHook = {
    ready: () => (getCanvas()?.revision ?? -1) >= 0,
    facts: () => {
      const canvas = getCanvas()
      if (!canvas) throw new Error('the canvas is not mounted')
      return canvas.probe.facts()
    },
    node: (id) => getCanvas()?.probe.node(id),
    clientPosition: (id) => getCanvas()?.probe.node(id)?.client,
    nodeCount: () => getCanvas()?.probe.nodeCount() ?? 0,
    zoom: () => getCanvas()?.probe.zoomLevel() ?? 1,
    labels: () => getCanvas()?.probe.labels() ?? [],
    bundles: () => getCanvas()?.probe.bundlesDrawn() ?? 0,
    mosaics: () => getCanvas()?.probe.mosaicsDrawn() ?? 0,
    detail: () => getCanvas()?.detail() ?? 'hosts',
    fit: () => getCanvas()?.fit(),
    nodesInView: () => getCanvas()?.probe.nodesInView() ?? [],
    rackTotals: () => getCanvas()?.probe.rackTotals() ?? {},
    firstRenderMs: () => (firstRender !== undefined && firstRender >= 0 ? firstRender : undefined),
    revision: () => getCanvas()?.revision ?? -1,
    view: (zoom, centreId) => getCanvas()?.view(zoom, centreId),
    waitForNodeMove: (id, from) => waitForMove(getCanvas, id, from),
  }
  window.__strataTest = hook
  return () => {
    if (window.__strataTest === hook) delete window.__strataTest
  }
}

/** Resolves with `performance.now()` at the first frame where node `id` is not at `from`. */
function waitForMove(
  getCanvas: () => TopologyCanvas | undefined,
  id: string,
  from: { x: number; y: number },
): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const check = (): void => {
      const n = getCanvas()?.probe.node(id)
      if (n && (n.rendered.x !== from.x || n.rendered.y !== from.y))
        return resolve(performance.now())
      if (performance.now() - started > 10_000) return reject(new Error(`${id} did not move`))
      requestAnimationFrame(check)
    }
    check()
  })
}
