/**
 * What `strata experiment run` prints while it works: planning progress lines (review s4,
 * finding 2: a large plan took minutes with no output), one per phase start and end and at
 * most one per gap between. The real CLI on a real spec, and the view on a counted clock.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { progressView } from '../../src/main/cli/commands/experiment-progress'
import { strataIn } from '../support/strata-cli'

const DESIGN = join(import.meta.dirname, '..', 'fixtures', 'experiments', 'two-hall.strata.json')
const dir = mkdtempSync(join(tmpdir(), 'strata-exp-progress-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A stream that is not a terminal, keeping what is written. */
function pipe(): { stream: NodeJS.WritableStream & { isTTY?: boolean }; text: string[] } {
  const text: string[] = []
  const stream = { isTTY: false, write: (s: string) => text.push(s) > 0 }
  return { stream: stream as unknown as NodeJS.WritableStream, text }
}

describe('experiment planning progress', () => {
  it('prints each phase of planning from the CLI', { timeout: 120_000 }, async () => {
    const spec = join(dir, 'two.strata-experiment.json')
    writeFileSync(
      spec,
      JSON.stringify({
        schemaVersion: 1,
        name: 'two seeds',
        design: DESIGN,
        vary: { 'simulation.seed': [1, 2], 'simulation.horizonS': [3600] },
      }),
    )
    const r = await strataIn(dir, 'experiment', 'run', spec, '--workers', '1')
    expect(r.code).toBe(0)
    for (const line of [
      'planning: 3/3 factor values checked',
      'planning: 2/2 combinations resolved',
      'planning: 2/2 runs given their id',
    ])
      expect(r.err.split('\n')).toContain(line)
  })

  it('prints the first and last step of a phase and at most one line per gap between', () => {
    let now = 0
    const lines: string[] = []
    const view = progressView(pipe().stream, {
      nowMs: () => now,
      lineGapMs: 1000,
      print: (l) => lines.push(l),
    })
    // 10,000 steps 1 ms apart: 10 s, so the first, one per second after it, and the last.
    for (let done = 1; done <= 10_000; done++, now++) view.planning('ids', done, 10_000)
    expect(lines[0]).toBe('planning: 1/10000 runs given their id')
    expect(lines.at(-1)).toBe('planning: 10000/10000 runs given their id')
    expect(lines).toHaveLength(1 + 9 + 1)
  })
})
