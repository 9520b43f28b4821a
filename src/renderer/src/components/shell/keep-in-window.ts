/**
 * Keeps a popup (context menu, dropdown) inside the window: it opens at the pointer, flips
 * up or left when it would run past the bottom or right edge, and never starts off-screen.
 */
import { nextTick, ref, watch, type Ref } from 'vue'

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

/**
 * Where a popup of `size` opened at `at` goes in a window of `view` pixels: at the point when
 * it fits, flipped to the other side of the point when not, clamped to `margin` from the edges.
 */
export function placeInWindow(
  at: { x: number; y: number },
  size: { width: number; height: number },
  view: { width: number; height: number },
  margin = 4,
): { x: number; y: number } {
  const axis = (p: number, len: number, max: number): number => {
    if (p + len + margin <= max) return p
    const flipped = p - len
    return Math.max(margin, Math.min(flipped, max - len - margin))
  }
  return { x: axis(at.x, size.width, view.width), y: axis(at.y, size.height, view.height) }
}

/**
 * The fixed position of popup `el` opened at `at()` (reactive), measured after it renders.
 * Returns the style to bind.
 */
export function useKeptInWindow(
  el: Ref<HTMLElement | undefined>,
  at: () => { x: number; y: number } | undefined,
): Ref<Record<string, string>> {
  const style = ref<Record<string, string>>({})
  watch(
    at,
    async (point) => {
      if (!point) return
      // first at the point (hidden), then where it fits once its size is known
      style.value = { left: `${point.x}px`, top: `${point.y}px`, visibility: 'hidden' }
      await nextTick()
      const rect = el.value?.getBoundingClientRect()
      const size = { width: rect?.width ?? 0, height: rect?.height ?? 0 }
      const p = placeInWindow(point, size, { width: window.innerWidth, height: window.innerHeight })
      style.value = { left: `${p.x}px`, top: `${p.y}px` }
    },
    { immediate: true },
  )
  return style
}
