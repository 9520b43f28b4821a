/**
 * The hold a first build puts on drawing (`first-build.ts`): Cytoscape's drawing, the
 * level-of-detail layer and the minimap draw nothing until the build ends, since a frame
 * between its slices would draw everything added so far; then each draws once.
 */
import type { Core } from 'cytoscape'
import { holdDrawing } from './first-build'
import type { Minimap } from './minimap'
import type { RackLayer } from './rack-layer'

export class DrawingHold {
  private release: (() => void) | undefined

  constructor(
    private readonly cy: Core,
    private readonly layer: RackLayer | undefined,
    private readonly minimap: () => Minimap | undefined,
  ) {}

  /** Whether drawing is held (a minimap shown meanwhile is held too). */
  get on(): boolean {
    return this.release !== undefined
  }

  /** Holds drawing; a hold already on (a build a newer one supersedes) is kept. */
  hold(): void {
    if (this.release) return
    const release = holdDrawing(this.cy)
    this.layer?.hold(true)
    this.minimap()?.hold(true)
    this.release = () => {
      release()
      this.layer?.hold(false)
      this.minimap()?.hold(false)
    }
  }

  /** Lets everything draw again, once. */
  end(): void {
    this.release?.()
    this.release = undefined
  }
}
