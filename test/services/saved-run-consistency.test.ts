/**
 * A saved run is believed only if its parts agree with each other and with the design (review
 * s8a #4): the sample's real run (placed and simulated by the engine) saved and read back is
 * kept whole; the same run with two tenants' entries swapped, a bill line's rate or amount
 * changed, an instance placed twice, an instance both placed and unplaced, or every instance on
 * one host is dropped with a warning naming the file and the JSON path. Expected paths follow
 * from each mutation and the design: the sample's three tenants are priced differently
 * (basis allocated/used/used, currency USD/USD/EUR), `metal-1` is bare metal (one instance),
 * `tcg-1` has 2 cores × 4 and 4,096 MiB.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { designFingerprint, readStrataFile, serializeStrataFile } from '../../src/main/engine'
import { checkIntegrity } from '../../src/main/engine/model/validate'
import { produceReport } from '../../src/main/services/reports/produce-report'
import type { Design } from '../../src/shared/design/schema'

type Rec = Record<string, unknown>
interface Run {
  designFingerprint: string
  placement: { placed: Rec[]; unplaced: Rec[] }
  simulation: { tenants: Array<Rec & { bill: { lines: Rec[] } }> }
}

const sample = checkIntegrity(
  JSON.parse(readFileSync(join(__dirname, '../../resources/samples/two-hall.strata.json'), 'utf8')),
).design as Design
const SOURCE = 'run.strata.json'
let run: Run

/** What opening the sample with `lastRun` keeps, and the warnings it gives. */
function reopen(lastRun: Run): {
  kept: boolean
  warnings: Array<{ path: string; message: string }>
} {
  const read = readStrataFile(serializeStrataFile(sample, lastRun as never), { source: SOURCE })
  if (!read.ok) throw new Error(read.message)
  return { kept: read.lastRun !== undefined, warnings: read.warnings }
}

function expectDropped(lastRun: Run, path: string | RegExp): void {
  const { kept, warnings } = reopen(lastRun)
  expect(kept).toBe(false)
  expect(warnings).toHaveLength(1)
  const w = warnings[0]!
  if (typeof path === 'string') expect(w.path).toBe(path)
  else expect(w.path).toMatch(path)
  expect(w.message).toContain(SOURCE)
  expect(w.message).toContain(`(${w.path}: `)
}

const topLevel = (r: Rec): boolean => r.outerInstanceId === undefined

beforeAll(async () => {
  const out = await produceReport({ design: sample, csv: true })
  run = JSON.parse(
    JSON.stringify({
      designFingerprint: designFingerprint(sample),
      placement: out.placement,
      simulation: out.simulation,
    }),
  ) as Run
}, 300_000)

describe("a saved run's parts agree with each other and the design (s8a #4)", () => {
  it('the real run saved and read back is kept, with no warning', () => {
    expect(reopen(run)).toEqual({ kept: true, warnings: [] })
    expect(run.simulation.tenants.map((t) => t.tenantId)).toEqual([
      't-acme',
      't-globex',
      't-initech',
    ])
  })

  it('two tenants swapped: dropped at the first one, naming its bill field', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }), (i, j) => {
        fc.pre(i < j)
        const copy = structuredClone(run)
        const a = copy.simulation.tenants[i]!
        const b = copy.simulation.tenants[j]!
        ;[a.tenantId, b.tenantId] = [b.tenantId, a.tenantId]
        // acme (USD, allocated) | globex (USD, used) | initech (EUR, used)
        const field = i === 0 && j === 1 ? 'basis' : 'currency'
        expectDropped(copy, `lastRun.simulation.tenants.${i}.bill.${field}`)
      }),
    )
  })

  it("a line's rate or amount changed: dropped at that field", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 }),
        fc.nat(),
        fc.constantFrom('rate', 'amount'),
        fc.integer({ min: 2, max: 1000 }),
        (t, l, field, factor) => {
          const copy = structuredClone(run)
          const lines = copy.simulation.tenants[t]!.bill.lines
          const line = lines[l % lines.length]!
          fc.pre((line[field] as number) > 0)
          line[field] = (line[field] as number) * factor
          expectDropped(
            copy,
            `lastRun.simulation.tenants.${t}.bill.lines.${l % lines.length}.${field}`,
          )
        },
      ),
    )
  })

  it('an instance placed twice: dropped at the second entry', () => {
    fc.assert(
      fc.property(fc.nat(), (k) => {
        const copy = structuredClone(run)
        const placed = copy.placement.placed
        const n = placed.length
        placed.push({ ...placed[k % n]! })
        expectDropped(copy, `lastRun.placement.placed.${n}.instanceId`)
      }),
    )
  })

  it('an unplaced instance also placed: dropped at its unplaced entry', () => {
    expect(run.placement.unplaced.length).toBeGreaterThan(0)
    fc.assert(
      fc.property(fc.nat(), (k) => {
        const copy = structuredClone(run)
        const u = copy.placement.unplaced[k % copy.placement.unplaced.length]!
        const { instanceId, workloadId, tenantId } = u
        copy.placement.placed.push({ instanceId, workloadId, tenantId, hostId: 'kvm-1' })
        expectDropped(
          copy,
          `lastRun.placement.unplaced.${k % copy.placement.unplaced.length}.instanceId`,
        )
      }),
    )
  })

  it('every instance on the bare-metal host: dropped at the second one placed there', () => {
    const copy = structuredClone(run)
    for (const r of copy.placement.placed) if (topLevel(r)) r.hostId = 'metal-1'
    const second = copy.placement.placed
      .map(topLevel)
      .indexOf(true, copy.placement.placed.findIndex(topLevel) + 1)
    expectDropped(copy, `lastRun.placement.placed.${second}.hostId`)
  })

  it("instances past a small host's 2 cores × 4 or 4,096 MiB: dropped where the sum first passes", () => {
    const copy = structuredClone(run)
    const workloads = new Map(sample.workloads.map((w) => [w.id, w]))
    let vcpus = 0
    let memoryMiB = 0
    let first = -1
    copy.placement.placed.forEach((r, i) => {
      if (!topLevel(r)) return
      r.hostId = 'tcg-1'
      const w = workloads.get(r.workloadId as string)!
      vcpus += w.vcpus
      memoryMiB += w.memoryMiB
      if (first < 0 && (vcpus > 2 * 4 || memoryMiB > 4096)) first = i
    })
    expect(first).toBeGreaterThanOrEqual(0)
    expectDropped(copy, `lastRun.placement.placed.${first}.hostId`)
  })
})
