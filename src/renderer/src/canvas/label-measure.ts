/**
 * Label widths measured once per font and line (issue 19). Cytoscape's canvas renderer
 * measures a node's label with `measureText` whenever its label text or font changes: once
 * per line while wrapping and again for the whole text. A placement rewrites the label of
 * every host on the canvas ("host-00123\n… \n10 inst."), and hosts created on demand as the
 * view moves are measured anew each time their rack comes back, so a placement spent
 * 250–290 ms in one frame re-measuring lines it had measured before. Here the renderer's
 * `calculateLabelDimensions` is wrapped so each line's width is measured once per font and
 * then read from a map: the same numbers, without the canvas calls.
 */

/** Lines kept before the map is emptied (a design's host names and a few shared lines). */
export const LABEL_WIDTHS_LIMIT = 50_000

/** What Cytoscape's `calculateLabelDimensions` returns (px at zoom 1). */
export interface LabelDimensions {
  width: number
  height: number
  labelActualAscent: number
  labelActualDescent: number
}

/** The style of an element as the measure reads it (`ele.pstyle(name)`). */
interface Styled {
  pstyle(name: string): { strValue?: string; pfValue?: number } | undefined
}

/** The part of Cytoscape's renderer that measures labels (a private API of cytoscape 3.x). */
export interface LabelMeasurer {
  calculateLabelDimensions(ele: Styled, text: string): LabelDimensions
}

/**
 * Wraps `renderer.calculateLabelDimensions` (in place) with a per-font, per-line width cache;
 * returns the number of lines measured so far (for tests), or undefined when the renderer has
 * no such method (headless, another renderer). A label measured with `text-metrics: glyph`
 * (ascent and descent of the actual glyphs) is passed through unchanged.
 *
 * The result equals the original's for every text: the width is the widest line's ceiled
 * `measureText` width, and the height is the font size per line (Cytoscape's own arithmetic,
 * `calculateLabelDimensions` in cytoscape 3.34 with `text-metrics: font`).
 */
export function cacheLabelWidths(renderer: unknown): (() => number) | undefined {
  const r = renderer as Partial<LabelMeasurer> | undefined
  if (!r || typeof r.calculateLabelDimensions !== 'function') return undefined
  const measure = r.calculateLabelDimensions.bind(r)
  const widths = new Map<string, number>()
  let measured = 0
  const str = (ele: Styled, name: string): string => ele.pstyle(name)?.strValue ?? ''
  r.calculateLabelDimensions = (ele: Styled, text: string): LabelDimensions => {
    if (str(ele, 'text-metrics') === 'glyph') return measure(ele, text)
    const size = ele.pstyle('font-size')?.pfValue ?? 0
    const font = `${str(ele, 'font-style')} ${str(ele, 'font-weight')} ${size}px ${str(ele, 'font-family')}`
    const lines = text.split('\n')
    let width = 0
    for (const line of lines) {
      // a line never holds '\n', so font + '\n' + line names one (font, line) pair
      const key = `${font}\n${line}`
      let w = widths.get(key)
      if (w === undefined) {
        w = measure(ele, line).width
        measured++
        if (widths.size >= LABEL_WIDTHS_LIMIT) widths.clear()
        widths.set(key, w)
      }
      if (w > width) width = w
    }
    return { width, height: size * lines.length, labelActualAscent: 0, labelActualDescent: 0 }
  }
  return () => measured
}
