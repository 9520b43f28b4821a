import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DesignSession } from './design-session'
import type { DesignChange } from './design-session'

const sample = JSON.parse(readFileSync('resources/samples/two-hall.strata.json', 'utf8')) as unknown

function open(): { session: DesignSession; changes: DesignChange[] } {
  const session = new DesignSession()
  const loaded = session.load(sample)
  expect(loaded.ok).toBe(true)
  const changes: DesignChange[] = []
  session.onChange((c) => changes.push(c))
  return { session, changes }
}

const newHost = {
  id: 'kvm-9',
  name: 'kvm-9',
  rackId: 'rack-1',
  sockets: 2,
  coresPerSocket: 8,
  mipsPerCore: 2500,
  memoryMiB: 65536,
  diskGiB: 500,
  nicGbps: 10,
  cpuExtensions: 'vt-x',
  powerCurveW: [90, 100, 110, 120, 130, 140, 150, 160, 170, 180, 190],
  virtualization: { kind: 'hvm', product: 'kvm' },
}

describe('DesignSession', () => {
  it('applies, undoes and redoes an edit, tracking dirtiness against the last save', () => {
    const { session, changes } = open()
    const before = session.design
    expect(session.state.dirty).toBe(false)
    const added = session.apply({ type: 'add', kind: 'host', entity: newHost })
    expect(added.ok).toBe(true)
    expect(session.design.hosts.at(-1)?.id).toBe('kvm-9')
    expect(session.design.hosts.at(-1)?.state).toBe('up') // default applied
    expect(session.state).toMatchObject({
      dirty: true,
      canUndo: true,
      canRedo: false,
      undoLabel: 'Add host',
    })
    expect(changes.at(-1)?.changes.upserted.map((u) => u.entity.id)).toEqual(['kvm-9'])
    expect(session.design.racks).toBe(before.racks) // untouched collections are shared

    expect(session.undo().ok).toBe(true)
    expect(session.design).toBe(before)
    expect(session.state.dirty).toBe(false)
    expect(changes.at(-1)?.changes.removed).toEqual(['kvm-9'])
    expect(session.redo().ok).toBe(true)
    expect(session.design.hosts.some((h) => h.id === 'kvm-9')).toBe(true)
    expect(session.undo().ok && session.undo().ok).toBe(false) // only one edit to undo
  })

  it('refuses a bad edit with its path and changes nothing', () => {
    const { session, changes } = open()
    const before = session.design
    const result = session.apply({ type: 'update', id: 'kvm-1', patch: { memoryMiB: -5 } })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.problems?.[0]?.path).toBe('command.patch.memoryMiB')
    expect(session.design).toBe(before)
    expect(changes).toHaveLength(0)
    const dup = session.apply({
      type: 'add',
      kind: 'tenant',
      entity: { id: 'kvm-1', name: 'x', colour: '#000000' },
    })
    expect(dup.ok).toBe(false)
  })

  it('removes links with the host they attach to, and clears rack references of a removed rack', () => {
    const { session } = open()
    const linked = session.design.links.filter(
      (l) => l.sourceId === 'kvm-1' || l.targetId === 'kvm-1',
    )
    expect(linked.length).toBeGreaterThan(0)
    expect(session.apply({ type: 'remove', ids: ['kvm-1', 'rack-2'] }).ok).toBe(true)
    expect(session.design.links.some((l) => l.sourceId === 'kvm-1' || l.targetId === 'kvm-1')).toBe(
      false,
    )
    expect(session.design.hosts.find((h) => h.id === 'xen-1')?.rackId).toBeUndefined()
    expect(session.problems.filter((p) => p.severity === 'error')).toEqual([])
  })

  it('moves a host into another rack and connects it, as one undoable batch', () => {
    const { session } = open()
    const result = session.apply({
      type: 'batch',
      label: 'Move and wire kvm-1',
      commands: [
        { type: 'move', moves: [{ id: 'kvm-1', position: { x: 500, y: 600 }, rackId: 'rack-2' }] },
        { type: 'connect', sourceId: 'kvm-1', targetId: 'tor-2' },
      ],
    })
    expect(result.ok).toBe(true)
    const host = session.design.hosts.find((h) => h.id === 'kvm-1')
    expect(host).toMatchObject({ rackId: 'rack-2', position: { x: 500, y: 600 } })
    expect(session.design.links.some((l) => l.sourceId === 'kvm-1' && l.targetId === 'tor-2')).toBe(
      true,
    )
    expect(session.state.undoLabel).toBe('Move and wire kvm-1')
    session.undo()
    expect(session.design.hosts.find((h) => h.id === 'kvm-1')?.rackId).toBe('rack-1')
  })

  it('keeps the open design when a load fails', () => {
    const { session } = open()
    const before = session.design
    const result = session.load(
      { schemaVersion: 1, meta: { name: 'x' }, hosts: [{ id: 'h' }] },
      { source: 'bad.strata.json' },
    )
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-design')
      expect(result.error.message).toContain('bad.strata.json')
      expect(result.error.problems?.some((p) => p.path.startsWith('hosts[0]'))).toBe(true)
    }
    expect(session.design).toBe(before)
  })

  it('says in its message which field of which edit was refused', () => {
    const { session } = open()
    const r = session.apply({ type: 'update', id: 'w-globex-jobs', patch: { count: 1e9 } })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('bad-request')
    expect(r.error.message).toMatch(/^command\.patch\.count: /)
  })
})
