/**
 * Layer labels from cached bitmaps: one bitmap and one measure per (text, font, colours,
 * pixel ratio), packed into shared atlases (shelves of bitmaps a pixel apart) and copied where
 * `fillText` with the same alignment would put the text. A recording stand-in for the 2D
 * context measures 6 px per character, so every expected position is arithmetic on the
 * text's length.
 */
import { describe, expect, it } from 'vitest'
import { ATLAS_PX, LabelSprites } from './label-sprites'

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
    setTransform: (...args: unknown[]) => void calls.push(['setTransform', ...args]),
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
    // made in this frame: drawn as text in it (halo and text twice: bitmap and screen)
    expect(r.calls.filter((c) => c[0] === 'drawImage')).toHaveLength(0)
    expect(r.calls.filter((c) => c[0] === 'strokeText')).toHaveLength(2)
    sprites.newFrame()
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
    sprites.draw(r.ctx, 'rack-7', font, 12, { x: 100, y: 50, align: 'center' }, colours, 1)
    // one measuring canvas and one atlas; the bitmap is drawn once, copied in the next frame
    expect(r.made.map((c) => [c.width, c.height])).toEqual([
      [1, 1],
      [ATLAS_PX, ATLAS_PX],
    ])
    expect(r.calls.filter((c) => c[0] === 'measureText')).toHaveLength(1)
    expect(r.calls.filter((c) => c[0] === 'strokeText')).toHaveLength(2)
    expect(r.calls.filter((c) => c[0] === 'fillText')).toHaveLength(2)
    const copies = r.calls.filter((c) => c[0] === 'drawImage')
    expect(copies).toHaveLength(2)
    // the bitmap has a 3 px margin (1.5 px halo, rounded up, plus 1) around the text box:
    // 36 + 6 = 42 px wide, ceil(12 × 1.4) + 6 = 23 px high, centred on y = 50 (top 38.5, on the next whole pixel: 39);
    // it is the atlas's first, at its top-left corner
    expect(copies[0]).toEqual(['drawImage', r.made[1], 0, 0, 42, 23, 261, 39, 42, 23])
    expect(copies[1]).toEqual(['drawImage', r.made[1], 0, 0, 42, 23, 79, 39, 42, 23])
  })

  it('makes another bitmap for another colour or pixel ratio, sized in device pixels', () => {
    const r = recorder()
    const sprites = new LabelSprites(r.make)
    const at = { x: 0, y: 20, align: 'left' } as const
    const three = (): void => {
      sprites.draw(r.ctx, 'Row 1', font, 12, at, colours, 1)
      sprites.draw(r.ctx, 'Row 1', font, 12, at, { ...colours, halo: '#000' }, 1)
      sprites.draw(r.ctx, 'Row 1', font, 12, at, colours, 2)
    }
    three()
    sprites.newFrame()
    three()
    // three bitmaps side by side on the atlas's first shelf, a pixel apart, in device pixels
    const copies = r.calls.filter((c) => c[0] === 'drawImage')
    expect(copies.map((c) => c.slice(2, 6))).toEqual([
      [0, 0, 36, 23],
      [37, 0, 36, 23],
      [74, 0, 72, 46],
    ])
    // each drawn at its place, scaled by its ratio
    expect(r.calls.filter((c) => c[0] === 'setTransform').map((c) => c.slice(1))).toEqual([
      [1, 0, 0, 1, 0, 0],
      [1, 0, 0, 1, 37, 0],
      [2, 0, 0, 2, 74, 0],
    ])
    // the copy is placed on whole device pixels: y = 20 − 11.5 = 8.5 is a device pixel at 2×
    expect(copies.at(-1)).toEqual(['drawImage', r.made[1], 74, 0, 72, 46, -3, 8.5, 36, 23])
  })

  it('starts a new shelf when a row is full, and a new atlas when the atlas is', () => {
    const r = recorder()
    const sprites = new LabelSprites(r.make)
    const at = { x: 0, y: 20, align: 'left' } as const
    const text = (i: number): string => `${'x'.repeat(30)}${String(i).padStart(3, '0')}`
    // 33 characters: 198 + 6 = 204 px wide, 205 px apart, the last may touch the edge:
    // five on a 1,024 px shelf (5 × 205 − 1 = 1,024); shelves 23 + 1 px high: 42 of them
    const perShelf = Math.floor((ATLAS_PX + 1) / 205)
    const shelves = Math.floor((ATLAS_PX + 1) / 24)
    expect([perShelf, shelves]).toEqual([5, 42])
    const all = (): void => {
      for (let i = 0; i < perShelf * shelves + 1; i++)
        sprites.draw(r.ctx, text(i), font, 12, at, colours, 1)
    }
    all()
    sprites.newFrame()
    all()
    const copies = r.calls.filter((c) => c[0] === 'drawImage')
    expect(copies[perShelf - 1]?.slice(1, 4)).toEqual([r.made[1], (perShelf - 1) * 205, 0])
    expect(copies[perShelf]?.slice(1, 4)).toEqual([r.made[1], 0, 24])
    // the atlas full: the next bitmap opens another
    expect(r.made).toHaveLength(3)
    expect(copies.at(-1)?.slice(1, 4)).toEqual([r.made[2], 0, 0])
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
    expect(r.calls.filter((c) => c[0] === 'strokeText')).toHaveLength(3) // rack-1 twice, rack-2
    expect(r.calls.slice(-4).map((c) => c[0])).toEqual([
      'save',
      'strokeText',
      'fillText',
      'restore',
    ])
    sprites.newFrame(1)
    sprites.draw(r.ctx, 'rack-2', font, 12, at, colours, 1)
    sprites.newFrame(1)
    sprites.draw(r.ctx, 'rack-2', font, 12, at, colours, 1)
    // its bitmap now, next to rack-1's in the same atlas
    expect(r.calls.at(-1)?.slice(0, 3)).toEqual(['drawImage', r.made[1], 43])
    expect(r.made).toHaveLength(2)
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
