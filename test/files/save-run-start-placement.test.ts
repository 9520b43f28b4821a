/**
 * A saved run is saved with the placement it started from, and a rename does not drop it
 * (review s10a #1, #2), through the real services and real files:
 * - Place (another seed) while a run is paused mid-way, or a shorter run started later and
 *   finished first: the save pairs the run with ITS placement. Oracle, checked on the file
 *   itself: the placement's seed is the seed the run was started with, and every instance the
 *   run started on a host (`initialHostId`) is placed on that host, and none other is placed.
 * - opening that file keeps both with no warning; the same file with the placement's seed
 *   changed, or two instances' hosts swapped, is opened with the run dropped and a warning
 *   naming the JSON path;
 * - a rename after, or during, a run keeps the placement and the run in the save; a real edit
 *   after it leaves them out and the save's answer says so.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services'
import { testServices } from '../support/services/test-services'

const provider = { role: 'provider' } as const
let services: Services | undefined
afterEach(async () => {
  await services?.dispose()
  services = undefined
})

type Rec = Record<string, unknown>
interface SavedRun {
  placement?: { seed: number; placed: Array<{ instanceId: string; hostId: string }> }
  simulation?: {
    summary: { seed: number }
    instances: Array<{ instanceId: string; initialHostId?: string }>
  }
}

async function call(name: string, request: unknown = {}): Promise<unknown> {
  const r = await (services as Services).dispatch(provider, name as never, request as never)
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`)
  return r.value
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

async function finished(runId: string): Promise<string> {
  for (;;) {
    const info = (await call('simulation:get', { runId, lean: true })) as { status: string }
    if (info.status !== 'running' && info.status !== 'paused') return info.status
    await wait(50)
  }
}

/** Starts a run and pauses it once its placement is shown (`scheduler:last` has its seed). */
async function startPaused(seed: number, horizonS: number): Promise<string> {
  const { runId } = (await call('simulation:start', { seed, horizonS })) as { runId: string }
  for (let i = 0; i < 2_000; i++) {
    const last = (await call('scheduler:last')) as { seed: number } | null
    if (last?.seed === seed) break
    await wait(20)
  }
  await call('simulation:pause', { runId })
  return runId
}

const folder = (): string => mkdtempSync(join(tmpdir(), 'strata-run-start-'))

async function saveAs(path: string): Promise<{ resultsNotSaved?: string; lastRun?: SavedRun }> {
  const answer = (await call('files:save-as', { path, overwrite: true })) as {
    resultsNotSaved?: string
  }
  const doc = JSON.parse(readFileSync(path, 'utf8')) as { lastRun?: SavedRun }
  return { ...answer, ...(doc.lastRun ? { lastRun: doc.lastRun } : {}) }
}

/** The saved placement is the one the saved run started from (checked on the file's own data). */
function expectRunStartsFromPlacement(saved: SavedRun | undefined, seed: number): void {
  const placement = saved?.placement
  const simulation = saved?.simulation
  expect(placement?.seed).toBe(seed)
  expect(simulation?.summary.seed).toBe(seed)
  const placed = new Map(placement?.placed.map((p) => [p.instanceId, p.hostId]))
  const started = (simulation?.instances ?? []).filter((i) => i.initialHostId !== undefined)
  expect(started.length).toBeGreaterThan(0)
  for (const i of started) expect(placed.get(i.instanceId)).toBe(i.initialHostId)
  expect(placed.size).toBe(started.length)
}

async function open(path: string): Promise<{ hasResults: boolean; warnings: Rec[] }> {
  return (await call('files:open', { path, discardChanges: true })) as {
    hasResults: boolean
    warnings: Rec[]
  }
}

describe('a run is saved with the placement it started from (review s10a #1)', () => {
  it(
    'Place during a run: the save keeps the run with ITS placement',
    { timeout: 240_000 },
    async () => {
      services = testServices()
      const runId = await startPaused(31, 86_400)
      const other = (await call('scheduler:place', { seed: 99 })) as { seed: number }
      expect(other.seed).toBe(99)
      await call('simulation:resume', { runId })
      expect(await finished(runId)).toBe('done')
      // the views still show the Place of seed 99; the file must not pair it with run 31
      expect(((await call('scheduler:last')) as { seed: number }).seed).toBe(99)
      const path = join(folder(), 'place.strata.json')
      const { lastRun } = await saveAs(path)
      expectRunStartsFromPlacement(lastRun, 31)
      const opened = await open(path)
      expect(opened.hasResults).toBe(true)
      expect(opened.warnings).toEqual([])
    },
  )

  it(
    'a shorter run started later and done first: the later save keeps the longer run with its own placement',
    { timeout: 240_000 },
    async () => {
      services = testServices()
      const a = await startPaused(31, 86_400)
      const { runId: b } = (await call('simulation:start', { seed: 32, horizonS: 600 })) as {
        runId: string
      }
      expect(await finished(b)).toBe('done')
      await call('simulation:resume', { runId: a })
      expect(await finished(a)).toBe('done')
      const dir = folder()
      const path = join(dir, 'short.strata.json')
      const { lastRun } = await saveAs(path)
      expectRunStartsFromPlacement(lastRun, 31)

      // the same file, hand-mutated: refused with the JSON path, the design still opens
      const doc = JSON.parse(readFileSync(path, 'utf8')) as { lastRun: SavedRun }
      const seedChanged = structuredClone(doc)
      ;(seedChanged.lastRun.placement as { seed: number }).seed = 99
      writeFileSync(join(dir, 'seed.strata.json'), JSON.stringify(seedChanged))
      const bySeed = await open(join(dir, 'seed.strata.json'))
      expect(bySeed.hasResults).toBe(false)
      expect(bySeed.warnings.map((w) => w.path)).toEqual(['lastRun.placement.seed'])

      // two instances of one workload on different hosts trade hosts: capacity still holds
      const swapped = structuredClone(doc)
      const placed = swapped.lastRun.placement?.placed ?? []
      const first = placed.findIndex((p, i) =>
        placed.some(
          (q, j) =>
            j > i &&
            q.hostId !== p.hostId &&
            (q as unknown as Rec).workloadId === (p as unknown as Rec).workloadId &&
            (q as unknown as Rec).outerInstanceId === undefined &&
            (p as unknown as Rec).outerInstanceId === undefined,
        ),
      )
      expect(first).toBeGreaterThanOrEqual(0)
      const p = placed[first]!
      const q = placed.find(
        (x, j) =>
          j > first &&
          x.hostId !== p.hostId &&
          (x as unknown as Rec).workloadId === (p as unknown as Rec).workloadId &&
          (x as unknown as Rec).outerInstanceId === undefined,
      )!
      ;[p.hostId, q.hostId] = [q.hostId, p.hostId]
      writeFileSync(join(dir, 'swap.strata.json'), JSON.stringify(swapped))
      const bySwap = await open(join(dir, 'swap.strata.json'))
      expect(bySwap.hasResults).toBe(false)
      expect(bySwap.warnings).toHaveLength(1)
      const index = doc.lastRun.simulation?.instances.findIndex(
        (i) => i.instanceId === p.instanceId || i.instanceId === q.instanceId,
      )
      expect(bySwap.warnings[0]?.path).toBe(`lastRun.simulation.instances.${index}.initialHostId`)
    },
  )
})

describe('a rename does not drop the saved run (review s10a #2)', () => {
  const rename = (name: string) =>
    call('design:apply', { command: { type: 'set-meta', patch: { name } } })

  it('rename or describe after a run: placement and run kept', { timeout: 240_000 }, async () => {
    services = testServices()
    const { runId } = (await call('simulation:start', { seed: 5, horizonS: 3_600 })) as {
      runId: string
    }
    expect(await finished(runId)).toBe('done')
    await rename('renamed after the run')
    await call('design:apply', {
      command: { type: 'set-meta', patch: { description: 'notes after the run' } },
    })
    const path = join(folder(), 'after.strata.json')
    const saved = await saveAs(path)
    expect(saved.resultsNotSaved).toBeUndefined()
    expectRunStartsFromPlacement(saved.lastRun, 5)
    const opened = await open(path)
    expect(opened.hasResults).toBe(true)
    expect(opened.warnings).toEqual([])
  })

  it('rename during a run: placement and run kept', { timeout: 240_000 }, async () => {
    services = testServices()
    const runId = await startPaused(6, 3_600)
    await rename('renamed during the run')
    await call('simulation:resume', { runId })
    expect(await finished(runId)).toBe('done')
    const path = join(folder(), 'during.strata.json')
    const saved = await saveAs(path)
    expect(saved.resultsNotSaved).toBeUndefined()
    expectRunStartsFromPlacement(saved.lastRun, 6)
    expect((await open(path)).hasResults).toBe(true)
  })

  it(
    'a real edit after a run: the save leaves the run out and says so',
    { timeout: 240_000 },
    async () => {
      services = testServices()
      const { runId } = (await call('simulation:start', { seed: 7, horizonS: 3_600 })) as {
        runId: string
      }
      expect(await finished(runId)).toBe('done')
      const { design } = (await call('design:get')) as { design: { hosts: Array<{ id: string }> } }
      await call('design:apply', {
        command: { type: 'update', id: design.hosts[0]?.id, patch: { mttrHours: 5 } },
      })
      const saved = await saveAs(join(folder(), 'edited.strata.json'))
      expect(saved.lastRun).toBeUndefined()
      expect(saved.resultsNotSaved).toMatch(/not saved/)
    },
  )
})
