/**
 * The colours the canvas draws with, read from the canvas style module's exports (its theme
 * palettes and its stylesheet), so the legend always shows what the canvas really uses.
 */
import { canvasStyle, DARK, LIGHT } from '../../canvas/style'

export interface LegendColours {
  /** Host colour at 0 % and 100 % CPU utilization (a linear blend between). */
  utilizationLow: string
  utilizationHigh: string
  /** Link colour at 0 % and 100 % utilization (issue 17). */
  linkLow: string
  linkHigh: string
  linkFailed: string
  off: string
  failed: string
  failedBorder: string
  migration: string
  warning: string
  error: string
  selected: string
  host: string
  switch: string
  storage: string
}

type Rule = { selector: string; style: Record<string, unknown> }

/** Reads the legend's colours from the canvas stylesheet of a theme. */
export function legendColours(theme: 'light' | 'dark'): LegendColours {
  const palette = theme === 'dark' ? DARK : LIGHT
  const rules = canvasStyle(palette) as unknown as Rule[]
  const style = (selector: string, key: string, fallback: string): string => {
    const v = rules.find((r) => r.selector === selector)?.style[key]
    return typeof v === 'string' ? v : fallback
  }
  const gradient = style('node.host[utilization >= 0]', 'background-color', '')
  const ends = /mapData\([^,]+,[^,]+,[^,]+,\s*([^,\s]+)\s*,\s*([^)\s]+)\s*\)/.exec(gradient)
  const linkGradient = style('edge.link[linkLoad >= 0]', 'line-color', '')
  const linkEnds = /mapData\([^,]+,[^,]+,[^,]+,\s*([^,\s]+)\s*,\s*([^)\s]+)\s*\)/.exec(linkGradient)
  return {
    utilizationLow: ends?.[1] ?? '#2ca02c',
    utilizationHigh: ends?.[2] ?? '#d62728',
    linkLow: linkEnds?.[1] ?? '#2ca02c',
    linkHigh: linkEnds?.[2] ?? '#d62728',
    linkFailed: style('edge.link.link-failed', 'line-color', palette.error),
    off: style('node.host.off', 'background-color', '#7f7f7f'),
    failed: style('node.host.failed', 'background-color', '#000000'),
    failedBorder: style('node.host.failed', 'border-color', palette.error),
    migration: style('edge.migration', 'line-color', '#9467bd'),
    warning: palette.warning,
    error: palette.error,
    selected: palette.selected,
    host: palette.host,
    switch: palette.switch,
    storage: palette.storage,
  }
}
