/**
 * The canvas's own view gestures (`view-gesture.ts`): wheel events keep the view moving until
 * `SETTLE_MS` pass without one, a minimap drag until its pointer is released, and the view
 * settles exactly once per gesture (one fresh drawing, one level-of-detail update).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SETTLE_MS, ViewGesture } from './view-gesture'

describe('ViewGesture', () => {
  beforeEach(() => void vi.useFakeTimers())
  afterEach(() => void vi.useRealTimers())

  it('settles once, SETTLE_MS after the last of a run of wheel events', () => {
    const g = new ViewGesture()
    const settled = vi.fn()
    g.onSettled(settled)
    for (let i = 0; i < 10; i++) {
      g.nudge()
      vi.advanceTimersByTime(SETTLE_MS - 1)
      expect(g.moving).toBe(true)
    }
    expect(settled).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(g.moving).toBe(false)
    expect(settled).toHaveBeenCalledTimes(1)
  })

  it('keeps a minimap drag moving until its end, and a wheel during it settles after both', () => {
    const g = new ViewGesture()
    const settled = vi.fn()
    g.onSettled(settled)
    g.begin()
    vi.advanceTimersByTime(10 * SETTLE_MS)
    expect(g.moving).toBe(true)
    g.nudge()
    g.end()
    // the wheel's quiet time is still running
    expect(settled).not.toHaveBeenCalled()
    vi.advanceTimersByTime(SETTLE_MS)
    expect(settled).toHaveBeenCalledTimes(1)
    // a plain click on the minimap: begin and end at once, settled at once
    g.begin()
    g.end()
    expect(settled).toHaveBeenCalledTimes(2)
    // an end without a begin (a second pointerup) settles nothing
    g.end()
    expect(settled).toHaveBeenCalledTimes(2)
  })

  it('stops its timer and listeners when destroyed', () => {
    const g = new ViewGesture()
    const settled = vi.fn()
    const off = g.onSettled(settled)
    g.nudge()
    g.destroy()
    vi.advanceTimersByTime(2 * SETTLE_MS)
    expect([g.moving, settled.mock.calls.length]).toEqual([false, 0])
    off()
  })
})
