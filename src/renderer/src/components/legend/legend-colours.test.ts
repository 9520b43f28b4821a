import { describe, expect, it } from 'vitest'
import { canvasStyle, LIGHT } from '../../canvas/style'
import { legendColours } from './legend-colours'

describe('legendColours', () => {
  it('reads every colour from the canvas stylesheet, in both themes', () => {
    for (const theme of ['light', 'dark'] as const) {
      const c = legendColours(theme)
      for (const value of Object.values(c)) expect(value).toMatch(/^#[0-9a-f]{3,8}$/i)
    }
  })

  it('shows the utilization blend the canvas uses', () => {
    const rules = canvasStyle(LIGHT) as unknown as Array<{
      selector: string
      style: Record<string, string>
    }>
    const gradient = rules.find((r) => r.selector === 'node.host[utilization >= 0]')
    const c = legendColours('light')
    expect(gradient?.style['background-color']).toContain(c.utilizationLow)
    expect(gradient?.style['background-color']).toContain(c.utilizationHigh)
  })
})
