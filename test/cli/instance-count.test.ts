/**
 * One instance count everywhere (review finding 9): the CLI's run header and the report's run
 * facts said "35 instances" for the sample, whose workloads declare 43 (8 containers run inside
 * Globex's VMs), while the app's status bar said 43.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { countInstances, instanceCountText } from '../../src/shared/design/instance-count'
import { strata } from '../support/strata-cli'

const SAMPLE = join(__dirname, '../../resources/samples/two-hall.strata.json')

/** The sample's counts, summed from its raw JSON (not through Strata's parser). */
function countedByHand(): { total: number; insideVms: number } {
  const raw = JSON.parse(readFileSync(SAMPLE, 'utf8')) as {
    workloads: Array<{ count: number; nesting?: unknown }>
  }
  let total = 0
  let insideVms = 0
  for (const w of raw.workloads) {
    total += w.count
    if (w.nesting !== undefined) insideVms += w.count
  }
  return { total, insideVms }
}

describe('instance counts', () => {
  it('count every declared instance and name those inside VMs', () => {
    const byHand = countedByHand()
    expect(byHand.insideVms).toBeGreaterThan(0)
    const raw = JSON.parse(readFileSync(SAMPLE, 'utf8')) as Parameters<typeof countInstances>[0]
    expect(countInstances(raw)).toEqual(byHand)
    expect(instanceCountText(raw)).toBe(
      `${byHand.total} instances (${byHand.insideVms} inside VMs)`,
    )
    expect(instanceCountText({ workloads: [] })).toBe('0 instances')
  })

  it('strata simulate and its report say the same count as the status bar', async () => {
    const { total, insideVms } = countedByHand()
    const run = await strata('simulate', SAMPLE)
    expect(run.code).toBe(0)
    expect(run.out.split('\n')[0]).toContain(`${total} instances (${insideVms} inside VMs)`)
  })
})
