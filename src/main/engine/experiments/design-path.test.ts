import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyDesignPath, parseDesignPath } from './design-path'

const doc = {
  simulation: { policy: 'dvfs', seed: 0 },
  racks: [{ id: 'r1', cpuAllocationRatio: 1 }, { id: 'r2' }],
  workloads: [
    { id: 'web', count: 2 },
    { id: 'db', count: 1 },
  ],
}

function apply(path: string, value: unknown): unknown {
  const parsed = parseDesignPath(path)
  if (!parsed.ok) throw new Error(parsed.message)
  const applied = applyDesignPath(doc, parsed.steps, value)
  if (!applied.ok) throw new Error(applied.message)
  return applied.value
}

describe('design paths', () => {
  it('parses fields, indexes, wildcards and matches', () => {
    expect(parseDesignPath('workloads[id=web].count')).toEqual({
      ok: true,
      steps: [
        { kind: 'field', name: 'workloads' },
        { kind: 'match', field: 'id', value: 'web' },
        { kind: 'field', name: 'count' },
      ],
    })
    expect(parseDesignPath('racks[*].cpuAllocationRatio').ok).toBe(true)
    expect(parseDesignPath('hosts[3].memoryMiB').ok).toBe(true)
  })

  it.each([
    ['', 'must not be empty'],
    ['racks[', 'character 6'],
    ['racks[x].a', 'expected [N], [*] or [field=value]'],
    ['simulation.', 'must not end with "."'],
    ['a..b', 'character 3'],
    ['racks[0]x', 'expected "." or "["'],
  ])('rejects %j naming the place', (path, message) => {
    const parsed = parseDesignPath(path)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.message).toContain(message)
  })

  it('sets one field, every element, or the matching elements only', () => {
    expect(apply('simulation.policy', 'thr-mmt-0.8')).toMatchObject({
      simulation: { policy: 'thr-mmt-0.8', seed: 0 },
    })
    expect((apply('racks[*].cpuAllocationRatio', 4) as typeof doc).racks).toEqual([
      { id: 'r1', cpuAllocationRatio: 4 },
      { id: 'r2', cpuAllocationRatio: 4 },
    ])
    expect((apply('workloads[id=web].count', 7) as typeof doc).workloads).toEqual([
      { id: 'web', count: 7 },
      { id: 'db', count: 1 },
    ])
  })

  it('copies only the way to the change and never mutates the input', () => {
    const before = JSON.stringify(doc)
    const out = apply('workloads[id=db].count', 3) as typeof doc
    expect(JSON.stringify(doc)).toBe(before)
    expect(out.racks).toBe(doc.racks)
    expect(out.simulation).toBe(doc.simulation)
    expect(out.workloads[0]).toBe(doc.workloads[0])
  })

  it.each([
    ['workloads[id=nope].count', 'workloads[id=nope] matches no element'],
    ['racks[5].cpuAllocationRatio', 'racks[5] is past the end (2 elements)'],
    ['simulation.nothing.x', 'simulation.nothing does not exist'],
    ['simulation[0]', 'simulation is not a list'],
  ])('fails clearly on %s', (path, message) => {
    const parsed = parseDesignPath(path)
    if (!parsed.ok) throw new Error(parsed.message)
    const applied = applyDesignPath(doc, parsed.steps, 1)
    expect(applied).toEqual({ ok: false, message: expect.stringContaining(message) })
  })

  it('property: setting an index path then reading it back gives the value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1 }), fc.integer(), (i, value) => {
        const out = apply(`workloads[${i}].count`, value) as typeof doc
        expect(out.workloads[i]?.count).toBe(value)
        expect(out.workloads[1 - i]).toBe(doc.workloads[1 - i])
      }),
    )
  })
})
