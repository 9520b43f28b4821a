/**
 * The label width cache gives Cytoscape's own label dimensions, measuring each (font, line)
 * once. The oracle is a stand-in for Cytoscape's `calculateLabelDimensions` with its
 * arithmetic (widest line's ceiled width; font size per line) over a fixed width per
 * character, so every expected number is worked out from the text alone.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { cacheLabelWidths, type LabelDimensions } from './label-measure'

/** An element with a font size and weight, as `pstyle` gives them. */
const element = (size: number, weight = 'normal', metrics = 'font') => ({
  pstyle: (name: string) =>
    name === 'font-size'
      ? { pfValue: size }
      : name === 'font-weight'
        ? { strValue: weight }
        : name === 'text-metrics'
          ? { strValue: metrics }
          : { strValue: name === 'font-family' ? 'sans-serif' : 'normal' },
})

/** Cytoscape's arithmetic over a `0.55 × size` px wide character; counts canvas measures. */
function fakeRenderer() {
  const r = {
    lines: 0,
    calculateLabelDimensions(
      ele: ReturnType<typeof element>,
      text: string,
    ): LabelDimensions & { glyph?: boolean } {
      const size = ele.pstyle('font-size').pfValue ?? 0
      const bold = ele.pstyle('font-weight').strValue === 'bold' ? 1.1 : 1
      const lines = text.split('\n')
      r.lines += lines.length
      const width = Math.max(...lines.map((l) => Math.ceil(l.length * 0.55 * size * bold)))
      return {
        width,
        height: size * lines.length,
        labelActualAscent: 0,
        labelActualDescent: 0,
        ...(ele.pstyle('text-metrics').strValue === 'glyph' ? { glyph: true } : {}),
      }
    },
  }
  return r
}

describe('cacheLabelWidths', () => {
  it("gives Cytoscape's dimensions and measures each line once per font", () => {
    const r = fakeRenderer()
    const measured = cacheLabelWidths(r)
    const host = element(10)
    // "host-00123" is 10 characters: ceil(10 × 5.5) = 55 px; "10 inst." 8: ceil(44) = 44
    expect(r.calculateLabelDimensions(host, 'host-00123\nkvm\n10 inst.')).toEqual({
      width: 55,
      height: 30,
      labelActualAscent: 0,
      labelActualDescent: 0,
    })
    expect(measured?.()).toBe(3)
    // the same host after a placement rewrote its count: only the new line is measured
    expect(r.calculateLabelDimensions(host, 'host-00123\nkvm\n12 inst.').width).toBe(55)
    expect(measured?.()).toBe(4)
    // wrapping measures each line alone: all known
    for (const line of ['host-00123', 'kvm', '12 inst.']) r.calculateLabelDimensions(host, line)
    expect(measured?.()).toBe(4)
    // another font size or weight is another measure: ceil(10 × 6.6) = 66, ceil(10 × 12 × 0.55 × 1.1) = 73
    expect(r.calculateLabelDimensions(element(12), 'host-00123').width).toBe(66)
    expect(r.calculateLabelDimensions(element(12, 'bold'), 'host-00123').width).toBe(73)
    expect(measured?.()).toBe(6)
    expect(r.lines).toBe(6)
  })

  it('passes glyph metrics through unchanged', () => {
    const r = fakeRenderer()
    cacheLabelWidths(r)
    const d = r.calculateLabelDimensions(element(10, 'normal', 'glyph'), 'a\nb')
    expect(d).toMatchObject({ glyph: true, height: 20 })
  })

  it('leaves a renderer without label measuring alone', () => {
    expect(cacheLabelWidths(undefined)).toBeUndefined()
    expect(cacheLabelWidths({})).toBeUndefined()
  })

  it('equals the uncached measure for any sequence of labels and fonts', () => {
    const line = fc.constantFrom('host-1', 'host-22', 'kvm', 'os', '', '10 inst.', 'rack-7 ⚠')
    const label = fc.array(line, { minLength: 1, maxLength: 4 }).map((ls) => ls.join('\n'))
    const call = fc.tuple(label, fc.constantFrom(8, 10, 12), fc.constantFrom('normal', 'bold'))
    fc.assert(
      fc.property(fc.array(call, { maxLength: 40 }), (calls) => {
        const plain = fakeRenderer()
        const cached = fakeRenderer()
        const measured = cacheLabelWidths(cached)
        const distinct = new Set<string>()
        for (const [text, size, weight] of calls) {
          const ele = element(size, weight)
          expect(cached.calculateLabelDimensions(ele, text)).toEqual(
            plain.calculateLabelDimensions(ele, text),
          )
          for (const l of text.split('\n')) distinct.add(`${size}/${weight}/${l}`)
        }
        expect(measured?.()).toBe(distinct.size)
      }),
    )
  })
})
