/**
 * The idle warm-up of the charts (issue 19): one step per idle period, in order, none after
 * the cancel, and a failing step ends it quietly.
 */
import { describe, expect, it } from 'vitest'
import { runWhenIdle, warmSteps, type IdleQueue } from './chart-warmup'

/** An idle queue run by hand: `idle()` runs the callback waiting for the next idle period. */
function fakeIdle(): IdleQueue & { idle: () => boolean; waiting: () => number } {
  const queue = new Map<number, () => void>()
  let nextId = 1
  return {
    request: (run) => {
      queue.set(nextId, run)
      return nextId++
    },
    cancel: (id) => void queue.delete(id),
    idle: () => {
      const first = [...queue][0]
      if (!first) return false
      queue.delete(first[0])
      first[1]()
      return true
    },
    waiting: () => queue.size,
  }
}

describe('runWhenIdle', () => {
  it('runs one step per idle period, in order, and asks for no period after the last', () => {
    const q = fakeIdle()
    const ran: number[] = []
    runWhenIdle(
      [0, 1, 2, 3].map((k) => () => void ran.push(k)),
      q,
    )
    expect(ran).toEqual([])
    for (let period = 1; period <= 4; period++) {
      expect(q.idle()).toBe(true)
      // after period p, exactly the first p steps ran
      expect(ran).toEqual([0, 1, 2, 3].slice(0, period))
    }
    expect(q.waiting()).toBe(0)
  })

  it('runs nothing after its cancel', () => {
    const q = fakeIdle()
    const ran: number[] = []
    const cancel = runWhenIdle(
      [0, 1, 2].map((k) => () => void ran.push(k)),
      q,
    )
    q.idle()
    cancel()
    expect(q.waiting()).toBe(0)
    while (q.idle());
    expect(ran).toEqual([0])
  })

  it('ends quietly at a step that throws', () => {
    const q = fakeIdle()
    const ran: string[] = []
    runWhenIdle(
      [
        () => void ran.push('a'),
        () => {
          throw new Error('no canvas')
        },
        () => void ran.push('c'),
      ],
      q,
    )
    let periods = 0
    while (q.idle()) periods++
    expect({ ran, periods }).toEqual({ ran: ['a'], periods: 2 })
  })

  it('does nothing without an idle queue (no requestIdleCallback)', () => {
    let ran = 0
    runWhenIdle([() => ran++], undefined)()
    expect(ran).toBe(0)
  })
})

describe('warmSteps', () => {
  it('makes no element until its instance step, and one in all', () => {
    let made = 0
    const steps = warmSteps('light', () => {
      made++
      throw new Error('stop before drawing')
    })
    // the steps before the instance's make number formats only
    const init = steps.findIndex((step) => {
      try {
        step()
        return false
      } catch {
        return true
      }
    })
    expect(init).toBeGreaterThan(0)
    expect(made).toBe(1)
    // the draws and the disposal after a failed init touch nothing
    for (const step of steps.slice(init + 1)) step()
    expect(made).toBe(1)
  })
})
