/**
 * Work over large results (100,000 placed instances, 10,000 hosts) in slices, giving the page
 * back between them (issue 19: no task over 100 ms after the first frame): `yieldToMain`
 * waits for the next task (`scheduler.yield` where the browser has it, else a zero timeout).
 */

type SchedulerWithYield = { yield?: () => Promise<void> }

/** Resolves in a later task, after the browser had a chance to handle input and paint. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerWithYield }).scheduler
  if (typeof scheduler?.yield === 'function') return scheduler.yield()
  return new Promise((resolve) => setTimeout(resolve, 0))
}

/** Items handled per slice by `forEachSliced` (a few ms of simple work each). */
export const SLICE_ITEMS = 5000

/**
 * Calls `each` on every item, yielding to the page after every `slice` items; stops early
 * (resolving false) as soon as `current()` turns false (a newer result superseded this one).
 */
export async function forEachSliced<T>(
  items: readonly T[],
  each: (item: T) => void,
  current: () => boolean = () => true,
  slice = SLICE_ITEMS,
): Promise<boolean> {
  for (let start = 0; start < items.length; start += slice) {
    if (start > 0) {
      await yieldToMain()
      if (!current()) return false
    }
    const end = Math.min(items.length, start + slice)
    for (let i = start; i < end; i++) each(items[i] as T)
  }
  return current()
}
