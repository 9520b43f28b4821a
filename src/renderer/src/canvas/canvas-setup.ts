/**
 * How the canvas adapter sets Cytoscape up: its options and stylesheet, the per-font
 * label-width cache on its renderer (`label-measure.ts`), and our own wheel step
 * (`wheel.ts`) bound before Cytoscape's.
 */
import cytoscape, { type Core } from 'cytoscape'
import { canvasStyle, type CanvasColours } from './style'
import { cacheLabelWidths } from './label-measure'
import { wheelZoomListener } from './wheel'

/**
 * A Cytoscape instance in `container` (headless: none) with the canvas stylesheet in
 * `colours`, zoom 0.005–4, single selection and box selection; its renderer measures each
 * label line once per font. `webgl` opens Cytoscape's WebGL renderer (for measuring).
 */
export function createCy(
  container: HTMLElement | undefined,
  headless: boolean,
  colours: CanvasColours,
  webgl = false,
): Core {
  const cy = cytoscape({
    container: headless ? undefined : container,
    headless,
    style: canvasStyle(colours),
    boxSelectionEnabled: true,
    selectionType: 'single',
    minZoom: 0.005,
    maxZoom: 4,
    ...(webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
  } as cytoscape.CytoscapeOptions)
  // a label line is measured once per font, not again at every restyle (label-measure.ts)
  if (!headless) cacheLabelWidths((cy as unknown as { renderer(): unknown }).renderer())
  return cy
}

/**
 * Zooms `cy` by our wheel step (`wheel.ts`): listens on the container's parent in the capture
 * phase, so it runs before Cytoscape's own. Returns the function that stops listening.
 */
export function bindWheel(cy: Core, container: HTMLElement): () => void {
  const onWheel = wheelZoomListener(cy, container)
  const target = container.parentElement ?? container
  target.addEventListener('wheel', onWheel, { capture: true, passive: false })
  return () => target.removeEventListener('wheel', onWheel, { capture: true })
}
