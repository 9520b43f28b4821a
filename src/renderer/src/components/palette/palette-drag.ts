/**
 * Dragging a palette item with the pointer (not HTML5 drag and drop, so a real mouse and
 * Playwright's mouse behave the same). The canvas registers a drop handler.
 */
import { shallowRef } from 'vue'

export interface PaletteDrag {
  key: string
  label: string
  x: number
  y: number
}

/** Returns true when it took the drop. */
export type DropHandler = (key: string, clientX: number, clientY: number) => boolean

const handlers = new Set<DropHandler>()
/** The item being dragged and where the pointer is, for the ghost and drop highlighting. */
export const paletteDrag = shallowRef<PaletteDrag | undefined>()

export function onPaletteDrop(handler: DropHandler): () => void {
  handlers.add(handler)
  return () => handlers.delete(handler)
}

/** Pixels the pointer must travel before a press becomes a drag (else it is a click). */
const THRESHOLD = 4

export function startPaletteDrag(
  key: string,
  label: string,
  down: PointerEvent,
  onClick: () => void,
): void {
  if (down.button !== 0) return
  down.preventDefault()
  let dragging = false
  const move = (e: PointerEvent): void => {
    if (!dragging && Math.hypot(e.clientX - down.clientX, e.clientY - down.clientY) < THRESHOLD)
      return
    dragging = true
    paletteDrag.value = { key, label, x: e.clientX, y: e.clientY }
  }
  const up = (e: PointerEvent): void => {
    window.removeEventListener('pointermove', move)
    window.removeEventListener('pointerup', up)
    paletteDrag.value = undefined
    if (!dragging) return onClick()
    for (const handler of handlers) if (handler(key, e.clientX, e.clientY)) return
  }
  window.addEventListener('pointermove', move)
  window.addEventListener('pointerup', up)
}
