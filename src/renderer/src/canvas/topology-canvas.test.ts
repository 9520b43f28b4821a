/**
 * The canvas adapter, headless: builds the sample, then applies the engine's own change sets
 * (add into a rack, move between racks, connect, remove) and matches the design each time.
 */
import { describe, expect, it } from 'vitest'
import sample from '../../../../resources/samples/two-hall.strata.json'
import { DesignSession } from '../../../main/engine'
import type { Design } from '../../../shared/design/schema'
import type { EditCommandInput } from '../../../shared/contract/schemas/design'
import { TopologyCanvas } from './topology-canvas'
import { tieredLayout } from '../drawing/tiered-layout'
import { syntheticDatacenter } from '../../../main/engine/scheduler/synthetic-datacenter'
import { patchDesign } from '../stores/design'

function setup() {
  const session = new DesignSession()
  const loaded = session.load(sample)
  if (!loaded.ok) throw new Error(loaded.error.message)
  const canvas = new TopologyCanvas(undefined, {})
  canvas.load(session.design, session.state.revision)
  let mirror: Design = session.design
  const apply = (command: EditCommandInput): void => {
    let seen = false
    const off = session.onChange((change) => {
      mirror = patchDesign(mirror, change.changes)
      canvas.applyChanges(change.changes, mirror, change.state.revision)
      seen = true
    })
    const r = session.apply(command)
    off()
    if (!r.ok) throw new Error(JSON.stringify(r.error))
    expect(seen).toBe(true)
  }
  /** What the canvas should hold for the session's current design. */
  const expected = () => {
    const d = session.design
    const nodes = [...d.zones, ...d.racks, ...d.hosts, ...d.switches, ...d.storage].map((e) => e.id)
    return { nodes: nodes.sort(), links: d.links.map((l) => l.id).sort() }
  }
  const actual = () => {
    const f = canvas.probe.facts()
    return {
      nodes: f.nodes.map((n) => n.id).sort(),
      links: f.edges
        .filter((e) => e.kind === 'link')
        .map((e) => e.id)
        .sort(),
    }
  }
  return { session, canvas, apply, expected, actual, mirror: () => mirror }
}

describe('TopologyCanvas', () => {
  it('draws every zone, rack, host, switch, storage system and link of the sample', () => {
    const { canvas, expected, actual, session } = setup()
    expect(actual()).toEqual(expected())
    for (const h of session.design.hosts) {
      expect(canvas.probe.node(h.id)?.parent).toBe(h.rackId)
      expect(canvas.probe.node(h.id)?.position).toEqual(h.position)
    }
  })

  it('patches itself from change sets and stays equal to the design', () => {
    const { canvas, apply, expected, actual, session, mirror } = setup()
    const host = {
      ...session.design.hosts[0]!,
      id: 'h-new',
      name: 'h-new',
      position: { x: 5, y: 5 },
    }
    apply({ type: 'add', kind: 'host', entity: host })
    expect(canvas.probe.node('h-new')?.parent).toBe('rack-1')
    apply({
      type: 'move',
      moves: [{ id: 'h-new', position: { x: 400, y: 400 }, rackId: 'rack-2' }],
    })
    expect(canvas.probe.node('h-new')?.parent).toBe('rack-2')
    expect(canvas.probe.node('h-new')?.position).toEqual({ x: 400, y: 400 })
    apply({ type: 'connect', sourceId: 'h-new', targetId: 'tor-2' })
    expect(actual()).toEqual(expected())
    apply({
      type: 'update',
      id: 'h-new',
      patch: { virtualization: { kind: 'pv', product: 'xen-pv', hostOs: 'linux' } },
    })
    expect(canvas.probe.node('h-new')?.label).toContain('xen-pv')
    apply({ type: 'remove', ids: ['rack-2'] })
    expect(actual()).toEqual(expected())
    expect(mirror()).toEqual(session.design)
  })

  it('marks elements with problems and reports selections', () => {
    const { canvas } = setup()
    canvas.setProblems({ errors: ['kvm-1'], warnings: ['tor-1'] })
    expect(canvas.probe.node('kvm-1')?.classes).toContain('has-error')
    expect(canvas.probe.node('tor-1')?.classes).toContain('has-warning')
    canvas.setSelection(['kvm-2', 'kvm-1'])
    expect(canvas.selection()).toEqual(['kvm-1', 'kvm-2'])
    canvas.setSelection(['tor-1'])
    expect(canvas.selection()).toEqual(['tor-1'])
  })

  it('keeps the selection as elements are selected, unselected and removed', () => {
    const { canvas, apply, session } = setup()
    canvas.setSelection(['kvm-1', 'kvm-2'])
    // what Cytoscape itself holds selected is the oracle
    const selectedNodes = (): string[] => canvas.probe.facts().selection
    expect(canvas.selection()).toEqual(selectedNodes())
    apply({ type: 'remove', ids: ['kvm-2'] })
    expect(session.design.hosts.some((h) => h.id === 'kvm-2')).toBe(false)
    expect(canvas.selection()).toEqual(['kvm-1'])
    expect(canvas.selection()).toEqual(selectedNodes())
    canvas.setSelection([])
    expect(canvas.selection()).toEqual([])
    expect(selectedNodes()).toEqual([])
  })

  it('paints instance pies per tenant and clears them', () => {
    const { canvas } = setup()
    canvas.setOverlay(
      new Map([['kvm-1', { instances: [{ tenantId: 't-a', colour: '#ff0000', count: 3 }] }]]),
    )
    expect(canvas.probe.node('kvm-1')?.instancesByTenant).toEqual({ 't-a': 3 })
    expect(canvas.probe.node('kvm-1')?.label).toContain('3 inst.')
    canvas.setOverlay(new Map())
    expect(canvas.probe.node('kvm-1')?.classes).not.toContain('placed')
  })
})

describe('undo of a drag on a design without stored positions', () => {
  it('puts the node back at its laid-out place (issue 12: 2,000-host designs)', () => {
    const session = new DesignSession()
    const generated = syntheticDatacenter({ hosts: 2000, instances: 10, tenants: 1, seed: 0 })
    const loaded = session.load(generated)
    if (!loaded.ok) throw new Error(loaded.error.message)
    const canvas = new TopologyCanvas(undefined, {})
    canvas.load(session.design, session.state.revision)
    const id = 'host-000123'
    const laidOut = tieredLayout(session.design).get(id)
    // hosts on demand: the host is on the canvas once its rack is shown (as search does)
    canvas.focus(id)
    expect(canvas.probe.node(id)?.position).toEqual(laidOut)
    let mirror: Design = session.design
    const off = session.onChange((change) => {
      mirror = patchDesign(mirror, change.changes)
      canvas.applyChanges(change.changes, mirror, change.state.revision)
    })
    const to = { x: (laidOut?.x ?? 0) + 37, y: (laidOut?.y ?? 0) + 11 }
    expect(session.apply({ type: 'move', moves: [{ id, position: to }] }).ok).toBe(true)
    expect(canvas.probe.node(id)?.position).toEqual(to)
    expect(session.undo().ok).toBe(true)
    expect(canvas.probe.node(id)?.position).toEqual(laidOut)
    expect(session.redo().ok).toBe(true)
    expect(canvas.probe.node(id)?.position).toEqual(to)
    off()
  })
})

describe('tieredLayout', () => {
  it('puts core above aggregation above access above racked hosts', () => {
    const d = sample as unknown as Design
    const pos = tieredLayout(d)
    const y = (id: string): number => pos.get(id)?.y ?? NaN
    expect(y('core-1')).toBeLessThan(y('agg-1'))
    expect(y('agg-1')).toBeLessThan(y('tor-1'))
    expect(y('tor-1')).toBeLessThan(y('kvm-1'))
    // racks of a hall side by side: hosts of different racks do not share a column
    const xs = (rack: string) =>
      d.hosts.filter((h) => h.rackId === rack).map((h) => pos.get(h.id)?.x ?? 0)
    expect(Math.max(...xs('rack-1'))).toBeLessThan(Math.min(...xs('rack-2')))
    // halls one under another
    const ys = (rack: string) =>
      d.hosts.filter((h) => h.rackId === rack).map((h) => pos.get(h.id)?.y ?? 0)
    expect(Math.max(...ys('rack-1'))).toBeLessThan(Math.min(...ys('rack-3')))
  })
})
