/**
 * Chart updates spread over frames (issue 19): one per frame, each in a task of its own after
 * the frame (not inside the frame's callbacks), and only for charts on screen: a chart off
 * screen waits until it comes into view.
 */
import { afterAll, describe, expect, it, vi } from 'vitest'

const frames: Array<() => void> = []
const idles: Array<() => void> = []
vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f))
vi.stubGlobal('requestIdleCallback', (f: () => void) => idles.push(f))
afterAll(() => vi.unstubAllGlobals())
const { inOwnFrame, schedule } = await import('./chart-frames')

/** Runs the frame's callbacks; returns what ran inside them, then what ran in the next task. */
async function frame(ran: string[]): Promise<{ inFrame: string[]; after: string[] }> {
  const before = ran.length
  for (const f of frames.splice(0)) f()
  const inFrame = ran.slice(before)
  await new Promise((resolve) => setTimeout(resolve, 0))
  return { inFrame, after: ran.slice(before + inFrame.length) }
}

describe('inOwnFrame', () => {
  it('runs one update per frame, after it, and none for a chart off screen until it shows', async () => {
    const ran: string[] = []
    let offVisible = false
    inOwnFrame(
      () => ran.push('off'),
      () => offVisible,
    )
    for (const name of ['a', 'b'])
      inOwnFrame(
        () => ran.push(name),
        () => true,
      )
    expect(await frame(ran)).toEqual({ inFrame: [], after: ['a'] })
    expect(await frame(ran)).toEqual({ inFrame: [], after: ['b'] })
    // only the chart off screen is left: no frame, no idle period draws it
    expect(await frame(ran)).toEqual({ inFrame: [], after: [] })
    expect(frames).toHaveLength(0)
    expect(idles).toHaveLength(0)
    expect(ran).toEqual(['a', 'b'])
    // it scrolls into view: its component asks again, and its update runs after the next frame
    offVisible = true
    schedule()
    expect(await frame(ran)).toEqual({ inFrame: [], after: ['off'] })
  })

  it('drops a cancelled update', async () => {
    const ran: string[] = []
    const cancel = inOwnFrame(
      () => ran.push('x'),
      () => true,
    )
    cancel()
    await frame(ran)
    expect(ran).toEqual([])
  })
})
