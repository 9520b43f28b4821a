/** Minimal types of cytoscape-edgehandles 4 (the package ships none): only what we use. */
declare module 'cytoscape-edgehandles' {
  import type { Ext, NodeSingular } from 'cytoscape'

  export interface EdgeHandlesOptions {
    canConnect?: (source: NodeSingular, target: NodeSingular) => boolean
    edgeParams?: (source: NodeSingular, target: NodeSingular) => Record<string, unknown>
    hoverDelay?: number
    snap?: boolean
    snapThreshold?: number
    snapFrequency?: number
    noEdgeEventsInDraw?: boolean
    disableBrowserGestures?: boolean
  }

  export interface EdgeHandlesInstance {
    start(source: NodeSingular): void
    stop(): void
    enable(): void
    disable(): void
    enableDrawMode(): void
    disableDrawMode(): void
    destroy(): void
  }

  const edgehandles: Ext
  export default edgehandles
}
