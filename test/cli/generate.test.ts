/** `strata generate`: a seeded synthetic design of the asked size, valid, same seed same bytes. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { strataIn } from '../support/strata-cli'
import type { Design } from '../../src/shared/design/schema'

const dir = mkdtempSync(join(tmpdir(), 'strata-generate-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const strata = (...argv: string[]) => strataIn(dir, ...argv)

const sizeArgs = (s: {
  hosts: number
  racks: number
  tenants: number
  instances: number
  seed: number
}): string[] => [
  '--hosts',
  String(s.hosts),
  '--racks',
  String(s.racks),
  '--tenants',
  String(s.tenants),
  '--instances',
  String(s.instances),
  '--seed',
  String(s.seed),
]

describe('strata generate', () => {
  it('writes a design of exactly the asked size that strata validate accepts', async () => {
    const r = await strata(
      'generate',
      '--hosts',
      '120',
      '--racks',
      '7',
      '--tenants',
      '9',
      '--instances',
      '700',
      '--seed',
      '3',
      '--horizon-h',
      '6',
      '-o',
      'g.strata.json',
    )
    expect(r.code, r.err).toBe(0)
    expect(r.out).toContain('120 hosts in 7 racks, 9 tenants, 700 instances')
    const design = JSON.parse(readFileSync(join(dir, 'g.strata.json'), 'utf8')) as Design
    expect(design.hosts).toHaveLength(120)
    expect(design.racks).toHaveLength(7)
    expect(design.tenants).toHaveLength(9)
    expect(design.workloads.reduce((n, w) => n + w.count, 0)).toBe(700)
    expect(design.simulation.horizonS).toBe(6 * 3600)
    // ceil(120 / 7) = 18 hosts a rack, in order: the last rack holds 120 - 6 * 18 = 12.
    const perRack = design.racks.map(
      (rack) => design.hosts.filter((h) => h.rackId === rack.id).length,
    )
    expect(perRack).toEqual([18, 18, 18, 18, 18, 18, 12])
    expect(new Set(design.tenants.map((t) => t.colour)).size).toBe(9)
    const valid = await strata('validate', 'g.strata.json')
    expect(valid.code, valid.out).toBe(0)
    expect(valid.out).toContain('0 error(s)')
  })

  it('adds traffic, storage I/O and a node pool by default, so scale runs exercise them', async () => {
    const r = await strata(
      'generate',
      '--hosts',
      '120',
      '--tenants',
      '9',
      '--instances',
      '700',
      '-o',
      'x.strata.json',
    )
    expect(r.code, r.err).toBe(0)
    const design = JSON.parse(readFileSync(join(dir, 'x.strata.json'), 'utf8')) as Design
    const cores = design.switches.filter((s) => s.tier === 'core').map((s) => s.id)
    expect(design.fabric?.externalUplinks).toEqual([
      { id: 'uplink-internet', name: 'Internet', switchIds: cores, capacityGbps: 100 },
    ])
    for (const w of design.workloads) {
      const own = design.workloads.filter((x) => x.tenantId === w.tenantId)
      const i = own.indexOf(w)
      // the next min(2, own workloads) of its tenant, wrapping
      expect(w.traffic?.eastWest.map((p) => p.peerWorkloadId)).toEqual(
        Array.from(
          { length: Math.min(2, own.length) },
          (_, k) => own[(i + 1 + k) % own.length]?.id,
        ),
      )
      expect(w.traffic?.eastWest.every((p) => p.sendGbps === 0.05)).toBe(true)
      expect([w.traffic?.egressGbps, w.traffic?.ingressGbps]).toEqual([0.01, 0.01])
      if (w.storageClass)
        expect(w.storageDemand).toMatchObject({ peakIops: 100, peakThroughputMBps: 10 })
      else expect(w.storageDemand).toBeUndefined()
    }
    const inner = design.workloads.filter((w) => w.nesting)
    expect(inner).toHaveLength(1)
    const node = design.workloads.find((w) => w.id === inner[0]?.nesting?.runsIn)
    expect(node?.innerLayer).toEqual({ kind: 'os', product: 'docker' })
    expect(node?.tenantId).toBe(inner[0]?.tenantId)
    const valid = await strata('validate', 'x.strata.json')
    expect(valid.out).toContain('0 error(s), 0 warning(s)')
    // every instance, the pods inside their nodes included, is placed
    const placed = await strata('place', 'x.strata.json')
    expect(placed.out).toContain('placed 700 of 700 instances')

    const none = await strata(
      'generate',
      '--hosts',
      '120',
      '--tenants',
      '9',
      '--instances',
      '700',
      '--east-west',
      '0',
      '--storage-iops',
      '0',
      '--node-pools',
      '0',
      '-o',
      'y.strata.json',
    )
    expect(none.code, none.err).toBe(0)
    const plain = JSON.parse(readFileSync(join(dir, 'y.strata.json'), 'utf8')) as Design
    expect(plain.workloads.some((w) => w.traffic || w.storageDemand || w.nesting)).toBe(false)
    expect(plain.fabric?.externalUplinks ?? []).toEqual([])
  })

  it('gives the same bytes for the same options and seed, other bytes for another seed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          hosts: fc.integer({ min: 1, max: 60 }),
          racks: fc.integer({ min: 1, max: 5 }),
          tenants: fc.integer({ min: 1, max: 8 }),
          instances: fc.integer({ min: 1, max: 300 }),
          seed: fc.integer({ min: 0, max: 1000 }),
        }),
        async (size) => {
          const s = { ...size, racks: Math.min(size.racks, size.hosts) }
          expect((await strata('generate', ...sizeArgs(s), '-o', 'a.json')).code).toBe(0)
          expect((await strata('generate', ...sizeArgs(s), '-o', 'b.json')).code).toBe(0)
          const a = readFileSync(join(dir, 'a.json'))
          expect(a.equals(readFileSync(join(dir, 'b.json')))).toBe(true)
          const design = JSON.parse(String(a)) as Design
          expect(design.hosts).toHaveLength(s.hosts)
          expect(design.racks).toHaveLength(s.racks)
          expect(design.workloads.reduce((n, w) => n + w.count, 0)).toBe(s.instances)
          expect((await strata('validate', 'a.json')).code).toBe(0)
        },
      ),
      { numRuns: 15 },
    )
    await strata('generate', '--hosts', '40', '--seed', '1', '-o', 'one.json')
    await strata('generate', '--hosts', '40', '--seed', '2', '-o', 'two.json')
    expect(readFileSync(join(dir, 'one.json')).equals(readFileSync(join(dir, 'two.json')))).toBe(
      false,
    )
  })

  it('refuses unknown options, missing sizes and bad numbers, naming the option', async () => {
    const cases: [string[], RegExp][] = [
      [['-o', 'x.json'], /--hosts is required/],
      [['--hosts', '10'], /-o OUT is required/],
      [
        ['--hosts', 'ten', '-o', 'x.json'],
        /--hosts must be a whole number from 1 to 20000, not "ten"/,
      ],
      [
        ['--hosts', '10', '--racks', '11', '-o', 'x.json'],
        /--racks must be a whole number from 1 to 10/,
      ],
      [
        ['--hosts', '10', '--horizon-h', '0', '-o', 'x.json'],
        /--horizon-h must be a number of hours/,
      ],
      [['--hosts', '10', '--host-count', '3', '-o', 'x.json'], /Unknown option '--host-count'/],
      [['--hosts', '10', 'extra', '-o', 'x.json'], /Unexpected argument 'extra'/],
    ]
    for (const [args, message] of cases) {
      const r = await strata('generate', ...args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.err).toMatch(message)
    }
  })
})

describe('a horizon shorter than one step', () => {
  it('is refused naming --horizon-h, and nothing is written (review s6a #9, s7a #11)', async () => {
    // 0.0001 h × 3600 s/h = 0.36 s (rounds to 0 s); 0.0002 h = 0.72 s (rounds to 1 s): both
    // shorter than the generated design's 300 s step. 300 s / 3600 s/h = 0.0833 h is the least.
    for (const h of ['0.0001', '0.0002', '0.08']) {
      const r = await strata('generate', '--hosts', '10', '--horizon-h', h, '-o', 'tiny.json')
      expect(r.code, h).toBe(2)
      expect(r.err).toContain(
        `--horizon-h must be at least 0.0833 h (one 300 s step of the run), not "${h}"`,
      )
      expect(r.out).not.toMatch(/wrote/)
      expect(() => readFileSync(join(dir, 'tiny.json'))).toThrow()
    }
    const least = await strata(
      'generate',
      '--hosts',
      '10',
      '--horizon-h',
      '0.0833',
      '-o',
      'least.json',
    )
    expect(least.code, least.err).toBe(0)
    const design = JSON.parse(readFileSync(join(dir, 'least.json'), 'utf8')) as Design
    expect(design.simulation.horizonS).toBe(300) // 0.0833 × 3600 = 299.88, rounded
  })

  it('an empty -o is refused, and a write that fails keeps the old file (atomic)', async () => {
    const empty = await strata('generate', '--hosts', '10', '-o', '')
    expect(empty.code).toBe(2)
    expect(empty.err).toMatch(/-o OUT is required/)
    const folder = await strata('generate', '--hosts', '10', '-o', dir)
    expect(folder.code).toBe(1)
    expect(folder.err).toBe(`strata generate: cannot write ${dir}: ${dir} is a folder`)
  })
})

describe('--help', () => {
  it('is answered with the usage by every command (review s6u #13: generate said "Unknown option")', async () => {
    const { COMMANDS } = await import('../../src/main/cli/commands')
    for (const c of COMMANDS) {
      const r = await strata(c.name, '--help')
      expect(r.code, `${c.name}: ${r.err}`).toBe(0)
      expect(r.out).toContain(`usage: ${c.usage}`)
    }
  })
})
