/**
 * Installs `window.__strataTest`, the typed canvas hook e2e tests read through page objects.
 * Installed when the page URL has `test=1` in its query, or always in a dev build; a normal
 * production page has no hook.
 */
import type { TopologyCanvas } from './topology-canvas'
import type { StrataTestHook } from './test-hook-types'

const startedAt = typeof performance !== 'undefined' ? performance.now() : 0
let firstRender: number | undefined

/** Whether this page should carry the hook. */
export function testHookWanted(): boolean {
  if ((import.meta as unknown as { env?: { DEV?: boolean } }).env?.DEV) return true
  if (typeof location === 'undefined') return false
  return new URLSearchParams(location.search).get('test') === '1'
}

/** Records the first time a design reached the canvas. */
export function markFirstRender(): void {
  if (firstRender === undefined) firstRender = performance.now() - startedAt
}

export function installTestHook(getCanvas: () => TopologyCanvas | undefined): () => void {
  if (!testHookWanted()) return () => undefined
  const hook: StrataTestHook = {
    ready: () => (getCanvas()?.revision ?? -1) >= 0,
    facts: () => {
      const canvas = getCanvas()
      if (!canvas) throw new Error('the canvas is not mounted')
      return canvas.facts()
    },
    node: (id) => getCanvas()?.node(id),
    clientPosition: (id) => getCanvas()?.node(id)?.client,
    nodeCount: () => getCanvas()?.cy.nodes().length ?? 0,
    firstRenderMs: () => firstRender,
  }
  window.__strataTest = hook
  return () => {
    if (window.__strataTest === hook) delete window.__strataTest
  }
}
