/**
 * Layer labels from cached bitmaps: one bitmap and one measure per (text, font, colours,
 * pixel ratio), placed where `fillText` with the same alignment would put the text. A
 * recording stand-in for the 2D context measures 6 px per character, so every expected
 * position is arithmetic on the text's length.
 */
import { describe, expect, it } from 'vitest'
import { LabelSprites } from './label-sprites'

type Call = [string, ...unknown[]]

function recorder() {
  const calls: Call[] = []
  const ctx = {
    font: '',
    measureText: (t: string) => {
      calls.push(['measureText', t])
      return { width: 6 * t.length }
    },
    drawImage: (...args: unknown[]) => void calls.push(['drawImage', ...args]),
    setTransform: () => {},
    save: () => void calls.push(['save']),
    restore: () => void calls.push(['restore']),
    strokeText: (t: string) => void calls.push(['strokeText', t]),
    fillText: (t: string) => void calls.push(['fillText', t]),
  }
  const made: Array<{ width: number; height: number }> = []
  const make = (width: number, height: number) => {
    const canvas = { width, height, getContext: () => ctx }
    made.push(canvas)
    return canvas as unknown as HTMLCanvasElement
  }
  return { calls, ctx: ctx as unknown as CanvasRenderingContext2D, made, make }
}

const colours = { text: '#000', halo: '#fff' }
const font = '600 12px system-ui, sans-serif'

describe('LabelSprites', () => {
  it('makes one bitmap per label and copies it at the text position fillText would use', () => {
    const r = recorder()
    const sprites = new LabelSprites(r.make)
    // "rack-7" is 6 characters: 36 px wide; centred at x = 100 its text starts at 82
    const first = sprites.draw(
      r.ctx,
      'rack-7',
      font,
      12,
      { x: 100, y: 50, align: 'center' },
      colours,
      1,
    )
    expect(first).toEqual({ x: 82, width: 36 })
    const again = sprites.draw(
      r.ctx,
      'rack-7',
      font,
      12,
      { x: 300, y: 50, align: 'right' },
      colours,
      1,
    )
    expect(again).toEqual({ x: 264, width: 36 })
    // one measuring canvas and one bitmap; the halo and the text are drawn once, copied twice
    expect(r.made).toHaveLength(2)
    expect(r.calls.filter((c) => c[0] === 'measureText')).toHaveLength(1)
    expect(r.calls.filter((c) => c[0] === 'strokeText')).toHaveLength(1)
    expect(r.calls.filter((c) => c[0] === 'fillText')).toHaveLength(1)
    const copies = r.calls.filter((c) => c[0] === 'drawImage')
    expect(copies).toHaveLength(2)
    // the bitmap has a 3 px margin (1.5 px halo, rounded up, plus 1) around the text box:
    // 36 + 6 = 42 px wide, ceil(12 × 1.4) + 6 = 23 px high, centred on y = 50 (top 38.5, on the next whole pixel: 39)
    expect(copies[0]).toEqual(['drawImage', r.made[1], 79, 39, 42, 23])
    expect(copies[1]).toEqual(['drawImage', r.made[1], 261, 39, 42, 23])
  })

  it('makes another bitmap for another colour or pixel ratio, sized in device pixels', () => {
    const r = recorder()
    const sprites = new LabelSprites(r.make)
    const at = { x: 0, y: 20, align: 'left' } as const
    sprites.draw(r.ctx, 'Row 1', font, 12, at, colours, 1)
    sprites.draw(r.ctx, 'Row 1', font, 12, at, { ...colours, halo: '#000' }, 1)
    sprites.draw(r.ctx, 'Row 1', font, 12, at, colours, 2)
    expect(r.made.slice(1).map((c) => [c.width, c.height])).toEqual([
      [36, 23],
      [36, 23],
      [72, 46],
    ])
    // the copy is placed on whole device pixels: y = 20 − 11.5 = 8.5 is a device pixel at 2×
    const last = r.calls.filter((c) => c[0] === 'drawImage').at(-1)
    expect(last).toEqual(['drawImage', r.made[3], -3, 8.5, 36, 23])
  })

  it("makes at most a frame's budget of bitmaps, drawing the other labels as text", () => {
    const r = recorder()
    const sprites = new LabelSprites(r.make)
    const at = { x: 10, y: 20, align: 'left' } as const
    sprites.newFrame(1)
    sprites.draw(r.ctx, 'rack-1', font, 12, at, colours, 1)
    // over budget: drawn as text where fillText would put it, in a saved and restored state
    const direct = sprites.draw(r.ctx, 'rack-2', font, 12, at, colours, 1)
    expect(direct).toEqual({ x: 10, width: 36 })
    expect(r.made).toHaveLength(2) // the measuring canvas and rack-1's bitmap
    expect(r.calls.slice(-4).map((c) => c[0])).toEqual([
      'save',
      'strokeText',
      'fillText',
      'restore',
    ])
    sprites.newFrame(1)
    sprites.draw(r.ctx, 'rack-2', font, 12, at, colours, 1)
    expect(r.made).toHaveLength(3)
  })

  it('measures a text width once per font', () => {
    const r = recorder()
    const sprites = new LabelSprites(r.make)
    expect(sprites.width(font, 'rack-0001')).toBe(54)
    expect(sprites.width(font, 'rack-0001')).toBe(54)
    expect(sprites.width('10px system-ui, sans-serif', 'rack-0001')).toBe(54)
    expect(r.calls.filter((c) => c[0] === 'measureText')).toHaveLength(2)
  })
})
