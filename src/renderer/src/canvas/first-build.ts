/**
 * The first build of a design on the canvas (issue 19: 10,000 hosts), in slices: its element
 * definitions are made with their rack and zone boxes already sized and the view already
 * fitted, so nothing drawn is restyled after it is added, and they are added in chunks whose
 * work stays under `ADD_SLICE_MS`, one chunk per drawn frame, so that Cytoscape styles and
 * measures the labels of a chunk per frame rather than of all of them in one long task.
 */
import type { Core, ElementDefinition, Position } from 'cytoscape'
import type { Design } from '../../../shared/design/schema'
import { autoPositions, designElements } from './elements'
import { placeContainerDefinitions } from './containers'
import { LazyHosts } from './lazy-hosts'
import type { CanvasPaint } from './canvas-paint'
import type { DrawingHold } from './drawing-hold'
import type { LevelOfDetail } from './level-of-detail'
import { fitPoints, type FitInsets } from './viewport'

/**
 * Above this many elements, the canvas trades detail for speed while panning and zooming,
 * and a design of more hosts and links is loaded in slices.
 */
export const LARGE = 1500

/** What the canvas adapter shows: its design, laid-out positions and revision. */
export interface CanvasState {
  design: Design | undefined
  /** Positions of elements the design stores none for (undo of a first drag goes back here). */
  auto: ReadonlyMap<string, Position> | undefined
  /** The design revision shown; -1 while a build runs. */
  revision: number
  /** Whether a build is under way (no hosts are created on demand meanwhile). */
  loading: boolean
}

/** What a first build reads and sets on the canvas adapter (`TopologyCanvas`). */
export interface BuildTarget {
  readonly cy: Core
  readonly hosts: LazyHosts
  readonly paint: CanvasPaint
  readonly drawing: DrawingHold
  readonly detail: LevelOfDetail
  readonly state: CanvasState
  /** Room fit keeps free at the view's edges, px. */
  insets(): FitInsets
  /** The build ended: hosts in view are created, the view's facts told. */
  settled(): void
}

/**
 * A first build of `design` on `t`, one step per slice: the tiered layout; the definitions
 * (members of racks kept in `t.hosts` on large designs); the rack and zone boxes and the
 * fitted view (`padding` px); the elements in chunks (`addInSlices`); uplinks and bundles; the
 * layer's structure. Drawing is held from the first step to the last (`DrawingHold`).
 */
export function* buildSteps(
  t: BuildTarget,
  design: Design,
  revision: number,
  padding: number,
): Generator<void, void, void> {
  performance.mark('canvas:load:start')
  t.drawing.hold()
  const auto = autoPositions(design)
  Object.assign(t.state, { design, auto, revision: -1 })
  t.paint.stale = true
  yield
  const lazy = LazyHosts.wanted(design.hosts.length)
  const elements = prepareElements(t.cy, t.hosts, design, auto, lazy)
  yield
  const fit = placeBoxesAndFit(t.cy, t.hosts, elements, t.insets(), padding)
  if (fit) t.cy.viewport(fit)
  t.detail.update()
  // by the whole design's size, not by what is added now (a lazy design adds few elements)
  const large = design.hosts.length + design.links.length > LARGE
  if (large !== t.paint.compact) t.paint.stale = true
  t.paint.compact = large
  cheapViewportMoves(t.cy, large)
  yield
  yield* addInSlices(t.cy, elements)
  t.detail.markUplinks(design)
  yield
  t.detail.updateStructure(design)
  Object.assign(t.state, { revision, loading: false })
  t.drawing.end()
  t.settled()
  performance.measure('canvas:load', 'canvas:load:start')
}

/** Elements added (and styled) by one `cy.add` of a first build. */
export const ADD_CHUNK = 5
/** Work one slice of adding may take, ms (more chunks while under it). */
export const ADD_SLICE_MS = 20

/**
 * Resolves in a later task (a slice of a large load runs between other tasks and frames;
 * a MessageChannel message is not clamped to 4 ms as nested timers are).
 */
export const nextTask = (): Promise<void> =>
  new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(undefined)
  })

const isBox = (e: ElementDefinition): boolean => e.data.kind === 'rack' || e.data.kind === 'zone'

/**
 * Clears the canvas and returns the definitions to add now (with `lazy`, the members of racks
 * and their links are kept in `hosts` instead).
 */
export function prepareElements(
  cy: Core,
  hosts: LazyHosts,
  design: Design,
  auto: ReadonlyMap<string, Position> | undefined,
  lazy: boolean,
): ElementDefinition[] {
  cy.elements().remove()
  return hosts.split(designElements(design, auto), lazy)
}

/**
 * Sizes the rack and zone boxes among `elements` around their members (on the canvas to be,
 * or kept in `hosts`) and returns the viewport that fits them (undefined: nothing to fit).
 */
export function placeBoxesAndFit(
  cy: Core,
  hosts: LazyHosts,
  elements: readonly ElementDefinition[],
  insets: FitInsets,
  padding: number,
): { zoom: number; pan: Position } | undefined {
  const ghosts = hosts.ghosts()
  placeContainerDefinitions(elements, ghosts)
  const points: Position[] = ghosts.map((g) => g.position)
  for (const e of elements)
    if (e.group !== 'edges' && !isBox(e) && e.position) points.push(e.position)
  return fitPoints(cy, insets, padding, points)
}

/**
 * Adds `elements` in order (zones and racks first, links last), `ADD_CHUNK` at a time, each
 * chunk styled and its labels measured at once (through its bounding box; Cytoscape would
 * otherwise do both for every element added so far in the next frame, where this budget does
 * not see it), yielding whenever a slice has taken `ADD_SLICE_MS`.
 */
export function* addInSlices(cy: Core, elements: readonly ElementDefinition[]): Generator<void> {
  for (let at = 0; at < elements.length;) {
    const started = performance.now()
    while (at < elements.length && performance.now() - started < ADD_SLICE_MS) {
      cy.add(elements.slice(at, at + ADD_CHUNK)).boundingBox()
      at += ADD_CHUNK
    }
    yield
  }
}

/**
 * Loads designs onto a canvas (`BuildTarget`) with `buildSteps`: at once (`load`) or in
 * slices (`inSlices`); a later load supersedes an unfinished one.
 */
export class CanvasLoader {
  /** Loads begun; a sliced load stops when a later one began. */
  private loads = 0

  constructor(
    private readonly target: BuildTarget,
    private readonly padding: number,
  ) {}

  /** Builds `design` at once (headless use, tests). */
  load(design: Design, revision: number): void {
    this.loads++
    for (const step of buildSteps(this.target, design, revision, this.padding)) void step
  }

  /**
   * Builds `design`, one step per task (awaiting `pause()` after each) when it has more than
   * `LARGE` hosts and links; resolves true when done, false when a later load superseded it.
   * The canvas's revision is -1 meanwhile.
   */
  inSlices(design: Design, revision: number, pause: () => Promise<void>): Promise<boolean> {
    const load = ++this.loads
    Object.assign(this.target.state, { revision: -1, loading: true })
    const sliced = design.hosts.length + design.links.length > LARGE ? pause : undefined
    const steps = buildSteps(this.target, design, revision, this.padding)
    return runInSlices(steps, sliced, () => load === this.loads)
  }
}

/**
 * Runs `steps` to their end, awaiting `pause()` before each (none: at once), and stops as
 * soon as `current()` is false (a later load began). Resolves whether it ran to the end.
 * Each paused step is a `canvas:load:slice` performance measure (the canvas bench reads them).
 */
export async function runInSlices(
  steps: Iterable<void>,
  pause: (() => Promise<void>) | undefined,
  current: () => boolean,
): Promise<boolean> {
  if (pause) await pause()
  if (!current()) return false
  const iterator = steps[Symbol.iterator]()
  for (;;) {
    const start = performance.now()
    const done = iterator.next().done
    if (pause) performance.measure('canvas:load:slice', { start })
    if (done) return current()
    if (!pause) continue
    await pause()
    if (!current()) return false
  }
}

/**
 * Keeps Cytoscape from drawing until the returned function is called: a first build adds its
 * elements over many tasks, and each frame between them would draw everything added so far
 * (100–340 ms frames at 10,000 hosts under load). Frames still run Cytoscape's before-render
 * work (styles, label positions of what changed), only the drawing is skipped; the release
 * asks for one frame, drawn with every redraw hint the held frames left set. Uses the
 * canvas renderer's `render` (a private API of cytoscape 3.x); a renderer without one
 * (headless) is left alone.
 */
export function holdDrawing(cy: Core): () => void {
  const r = (cy as unknown as { renderer(): Record<string, unknown> | undefined }).renderer()
  if (!r || typeof r.render !== 'function' || typeof r.redraw !== 'function') return () => {}
  const own = Object.prototype.hasOwnProperty.call(r, 'render')
  const render = r.render
  r.render = (): void => {}
  return () => {
    if (own) r.render = render
    else delete r.render
    if (!cy.destroyed()) (r.redraw as () => void).call(r)
  }
}

/** Lets Cytoscape's canvas renderer pan and zoom cheaply (a texture, no edges) when `on`. */
export function cheapViewportMoves(cy: Core, on: boolean): void {
  const r = (cy as unknown as { renderer(): Record<string, unknown> | undefined }).renderer()
  if (!r) return
  r.textureOnViewport = on
  r.hideEdgesOnViewport = on
}
