import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CURRENT_SCHEMA_VERSION } from '../../../shared/design/enums'
import { checkIntegrity } from '../model/validate'
import { createScheduler } from '../scheduler/scheduler'
import { designFingerprint, serializeStrataFile } from './file-format'
import { readStrataFile } from './read-file'

const fixtures = join(__dirname, '../../../../test/fixtures/files')
const bytes = (name: string): Uint8Array => readFileSync(join(fixtures, name))
const sample = () => {
  const d = checkIntegrity(
    JSON.parse(readFileSync(join(fixtures, 'v1-two-hall.strata.json'), 'utf8')),
  ).design
  if (!d) throw new Error('sample fixture is invalid')
  return d
}

describe('readStrataFile', () => {
  it('round-trips: a saved design reopens equal to the original', () => {
    const design = sample()
    const text = serializeStrataFile(design)
    const back = readStrataFile(Buffer.from(text, 'utf8'))
    expect(back.ok).toBe(true)
    if (back.ok) {
      expect(back.design).toEqual(design)
      expect(back.warnings).toEqual([])
      expect(serializeStrataFile(back.design)).toBe(text)
    }
  })

  it('keeps results saved for this design and drops stale ones with a warning', () => {
    const design = sample()
    const placement = createScheduler(design).placeAll()
    const lastRun = {
      designFingerprint: designFingerprint(design),
      placement: placement as unknown as Record<string, unknown>,
    }
    const back = readStrataFile(serializeStrataFile(design, lastRun))
    expect(back.ok && back.lastRun).toEqual(lastRun)
    const stale = JSON.parse(serializeStrataFile(design, lastRun))
    stale.meta.name = 'changed'
    const reopened = readStrataFile(JSON.stringify(stale))
    expect(reopened.ok).toBe(true)
    if (reopened.ok) {
      expect(reopened.lastRun).toBeUndefined()
      expect(reopened.warnings.map((w) => w.path)).toEqual(['lastRun'])
    }
  })

  it('opens every older-version fixture: v0 (pre-release prototype) migrates to v1', () => {
    const v1 = sample()
    const r = readStrataFile(bytes('v0-prototype.strata.json'), { source: 'v0-prototype' })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.migratedFrom).toBe(0)
    expect(r.warnings.some((w) => w.path === 'schemaVersion')).toBe(true)
    expect(r.design.schemaVersion).toBe(CURRENT_SCHEMA_VERSION)
    expect(r.design.meta.name).toBe(`${v1.meta.name} (prototype file)`)
    // v0 hosts had one socket: the total cores, memory and virtualization are the same.
    expect(
      r.design.hosts.map((h) => [
        h.id,
        h.sockets * h.coresPerSocket,
        h.memoryMiB,
        h.virtualization,
      ]),
    ).toEqual(
      v1.hosts.map((h) => [h.id, h.sockets * h.coresPerSocket, h.memoryMiB, h.virtualization]),
    )
    expect(r.design.workloads).toEqual(v1.workloads)
    expect({ ...r.design, meta: v1.meta, hosts: v1.hosts }).toEqual(v1)
  })

  it('refuses a file from a newer version, naming schemaVersion', () => {
    const r = readStrataFile(bytes('v999-future.strata.json'))
    expect(r.ok).toBe(false)
    if (!r.ok)
      expect(r.problems).toEqual([
        expect.objectContaining({
          path: 'schemaVersion',
          message: expect.stringContaining('newer Strata'),
        }),
      ])
  })

  it('reports JSON syntax errors with line, column and path', () => {
    const r = readStrataFile('{\n  "meta": {"name": "x"},\n  "hosts": [ {"id": "a",} ]\n}')
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.message).toContain('line 3')
    expect(r.problems[0]?.path).toBe('hosts[0]')
    expect(r.problems[0]?.message).toMatch(/line 3, column \d+: trailing comma/)
  })

  it('locates invalid UTF-8 bytes by byte offset and JSON path', () => {
    const text = serializeStrataFile(sample())
    const at = text.indexOf('"R02"') + 2
    const buf = Buffer.from(text, 'utf8')
    const broken = Buffer.concat([buf.subarray(0, at), Buffer.from([0xc3, 0x28]), buf.subarray(at)])
    const r = readStrataFile(broken)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.problems[0]?.path).toBe('racks[1].name')
      expect(r.problems[0]?.message).toContain(`byte ${at}`)
    }
  })

  it('refuses oversized files before parsing and too-deep nesting', () => {
    const big = readStrataFile(new Uint8Array(2000), { maxBytes: 1000 })
    expect(!big.ok && big.problems[0]?.message).toContain('limit is 1000 bytes')
    const deep = readStrataFile(`{"meta": ${'['.repeat(100)}${']'.repeat(100)}}`)
    expect(!deep.ok && deep.problems[0]?.message).toContain('nesting deeper')
    const huge = readStrataFile(
      '{"schemaVersion": 1, "meta": {"name": "x"}, "hosts": [{"memoryMiB": 1e999}]}',
    )
    expect(!huge.ok && huge.problems[0]).toMatchObject({ path: 'hosts[0].memoryMiB' })
  })

  it('reports every integrity problem at once with its path', () => {
    const doc = JSON.parse(serializeStrataFile(sample()))
    doc.hosts[2].memoryMiB = 'lots'
    doc.hosts[3].rackId = 'nowhere'
    const r = readStrataFile(JSON.stringify(doc))
    expect(r.ok).toBe(false)
    if (!r.ok)
      expect(r.problems.map((p) => p.path).sort()).toEqual([
        'hosts[2].memoryMiB',
        'hosts[3].rackId',
      ])
  })
})
