import { describe, expect, it } from 'vitest'
import { elementLabel, instanceLabel, parseInstanceId, type ElementIndex } from './names'

const index: ElementIndex = new Map([
  ['h1', { kind: 'host', entity: { id: 'h1', name: 'web-01' } }],
  ['s1', { kind: 'switch', entity: { id: 's1', name: '' } }],
  ['l1', { kind: 'link', entity: { id: 'l1', sourceId: 'h1', targetId: 's1' } }],
])

describe('names', () => {
  it('labels an element by its name, a nameless one by its id, a link by its ends', () => {
    expect(elementLabel(index, 'h1')).toBe('web-01')
    expect(elementLabel(index, 's1')).toBe('s1')
    expect(elementLabel(index, 'l1')).toBe('web-01 – s1')
    expect(elementLabel(index, 'gone')).toBe('gone')
  })

  it('numbers instances from 1 under their group name', () => {
    const names = (id: string): string | undefined => (id === 'wl-1' ? 'web-tier' : undefined)
    expect(instanceLabel('wl-1#0', names)).toBe('web-tier #1')
    expect(instanceLabel('wl-1#11', names)).toBe('web-tier #12')
    expect(instanceLabel('wl-9#2', names)).toBe('wl-9 #3')
    expect(instanceLabel('plain', names)).toBe('plain')
    expect(parseInstanceId('a#b#4')).toEqual({ workloadId: 'a#b', index: 4 })
  })
})
