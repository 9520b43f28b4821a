/**
 * Which run's placement the views show when runs start, report and end in any order (review
 * s8a #1, s9a #2): the run started last that has not given its ticket back, once it reports;
 * a run started earlier never overrides it, and a `place` in between is newer than both.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { PlacementResult } from '../../../shared/contract'
import { checkIntegrity, createScheduler, DesignSession } from '../../engine'
import { EventHub } from '../event-hub'
import { CurrentPlacement } from './current-placement'

const sample = checkIntegrity(
  JSON.parse(
    readFileSync(join(__dirname, '../../../../resources/samples/two-hall.strata.json'), 'utf8'),
  ),
).design
if (!sample) throw new Error('the built-in sample does not load')
const design = sample

/** The placement a run with `seed` reports (as its thread places it). */
const placedWith = (seed: number): PlacementResult => createScheduler(design, { seed }).placeAll()

function setUp() {
  const hub = new EventHub()
  const seeds: number[] = []
  hub.subscribe({ role: 'provider' }, (event, payload) => {
    if (event === 'scheduler:placed') seeds.push((payload as { seed: number }).seed)
  })
  const placement = new CurrentPlacement(new DesignSession(design), hub)
  const shownSeed = () => placement.lastResult()?.seed
  return { placement, seeds, shownSeed }
}

describe('the placement a run reports', () => {
  it('is shown when the run started after it is cancelled before reporting (s9a #2)', () => {
    const { placement, seeds, shownSeed } = setUp()
    const a = placement.runStarted()
    const b = placement.runStarted()
    placement.runWithdrawn(b)
    placement.publishForRun(design, placedWith(31), a)
    expect(shownSeed()).toBe(31)
    expect(seeds).toEqual([31])
  })

  it('waits, when it comes first, until the later run reports or gives its ticket back', () => {
    const { placement, seeds, shownSeed } = setUp()
    const a = placement.runStarted()
    const b = placement.runStarted()
    placement.publishForRun(design, placedWith(31), a)
    expect(shownSeed()).toBeUndefined()
    placement.runWithdrawn(b)
    expect(shownSeed()).toBe(31)
    expect(seeds).toEqual([31])
  })

  it('is the one of the run started last among those still pending', () => {
    const { placement, seeds, shownSeed } = setUp()
    const [a, b, c] = [placement.runStarted(), placement.runStarted(), placement.runStarted()]
    placement.runWithdrawn(b)
    placement.publishForRun(design, placedWith(31), a)
    placement.publishForRun(design, placedWith(33), c)
    expect(shownSeed()).toBe(33)
    // once the newest has been shown, an older run's report changes nothing
    placement.publishForRun(design, placedWith(31), a)
    expect(seeds).toEqual([33])
  })

  it('of an earlier run is never shown over a later run that reported', () => {
    const { placement, seeds, shownSeed } = setUp()
    const a = placement.runStarted()
    const b = placement.runStarted()
    placement.publishForRun(design, placedWith(32), b)
    placement.publishForRun(design, placedWith(31), a)
    placement.runWithdrawn(a) // a run that reported gives nothing back
    expect(shownSeed()).toBe(32)
    expect(seeds).toEqual([32])
  })

  it('is not shown over a later run that starts from the shown placement', () => {
    const { placement, seeds, shownSeed } = setUp()
    placement.place({ seed: 7 })
    const a = placement.runStarted()
    const b = placement.runStarted()
    placement.runOnShown(b)
    placement.publishForRun(design, placedWith(31), a)
    expect(shownSeed()).toBe(7)
    expect(seeds).toEqual([7])
  })

  it('is not shown over a `place` made after the run started', () => {
    const { placement, seeds, shownSeed } = setUp()
    const a = placement.runStarted()
    placement.place({ seed: 7 })
    placement.publishForRun(design, placedWith(31), a)
    expect(shownSeed()).toBe(7)
    expect(seeds).toEqual([7])
  })
})
