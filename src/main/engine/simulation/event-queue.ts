/**
 * The simulation's event queue: a binary heap ordered by (time, sequence). Time is an
 * integer (milliseconds of virtual time); the sequence number breaks ties in insertion
 * order, so equal-time events run first-in first-out and runs are reproducible.
 */

/** One scheduled event. */
export interface SimEvent<T> {
  timeMs: number
  seq: number
  payload: T
}

export class EventQueue<T> {
  private readonly heap: Array<SimEvent<T>> = []
  private nextSeq = 0

  get size(): number {
    return this.heap.length
  }

  /** Schedules `payload` at integer time `timeMs`. */
  push(timeMs: number, payload: T): void {
    if (!Number.isInteger(timeMs)) throw new Error(`event time must be an integer, got ${timeMs}`)
    const event = { timeMs, seq: this.nextSeq++, payload }
    const heap = this.heap
    heap.push(event)
    let i = heap.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      const p = heap[parent] as SimEvent<T>
      if (!before(event, p)) break
      heap[i] = p
      i = parent
    }
    heap[i] = event
  }

  /** The earliest event without removing it. */
  peek(): SimEvent<T> | undefined {
    return this.heap[0]
  }

  /** Removes and returns the earliest event. */
  pop(): SimEvent<T> | undefined {
    const heap = this.heap
    const top = heap[0]
    const last = heap.pop()
    if (top === undefined || last === undefined || heap.length === 0) return top
    let i = 0
    const n = heap.length
    for (;;) {
      const l = 2 * i + 1
      if (l >= n) break
      const r = l + 1
      const c = r < n && before(heap[r] as SimEvent<T>, heap[l] as SimEvent<T>) ? r : l
      const child = heap[c] as SimEvent<T>
      if (!before(child, last)) break
      heap[i] = child
      i = c
    }
    heap[i] = last
    return top
  }
}

function before<T>(a: SimEvent<T>, b: SimEvent<T>): boolean {
  return a.timeMs < b.timeMs || (a.timeMs === b.timeMs && a.seq < b.seq)
}
