/**
 * Chart updates spread over frames (issue 19): one per frame, charts on screen first, each in
 * a task of its own after the frame (not inside the frame's callbacks), and charts off screen
 * only when the window is idle.
 */
import { afterAll, describe, expect, it, vi } from 'vitest'

const frames: Array<() => void> = []
const idles: Array<() => void> = []
vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f))
vi.stubGlobal('requestIdleCallback', (f: () => void) => idles.push(f))
afterAll(() => vi.unstubAllGlobals())
const { inOwnFrame } = await import('./chart-frames')

/** Runs the frame's callbacks; returns what ran inside them, then what ran in the next task. */
async function frame(ran: string[]): Promise<{ inFrame: string[]; after: string[] }> {
  const before = ran.length
  for (const f of frames.splice(0)) f()
  const inFrame = ran.slice(before)
  await new Promise((resolve) => setTimeout(resolve, 0))
  return { inFrame, after: ran.slice(before + inFrame.length) }
}

describe('inOwnFrame', () => {
  it('runs one update per frame, after it, on-screen charts first, off-screen ones when idle', async () => {
    const ran: string[] = []
    const job = (name: string, visible: boolean): void => {
      inOwnFrame(
        () => ran.push(name),
        () => visible,
      )
    }
    job('off', false)
    job('a', true)
    job('b', true)
    expect(await frame(ran)).toEqual({ inFrame: [], after: ['a'] })
    expect(await frame(ran)).toEqual({ inFrame: [], after: ['b'] })
    // only the chart off screen is left: it waits for an idle period, not a frame
    expect(await frame(ran)).toEqual({ inFrame: [], after: [] })
    expect(ran).toEqual(['a', 'b'])
    expect(idles).toHaveLength(1)
    idles.splice(0)[0]?.()
    expect(ran).toEqual(['a', 'b', 'off'])
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
