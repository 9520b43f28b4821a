/**
 * What `strata experiment run` prints while it works: planning progress lines (review s4,
 * finding 2: a large plan took minutes with no output), one per phase start and end and at
 * most one per gap between; then, when stderr is not a terminal, a line about the runs every
 * few seconds (finding 15); SIGTERM stops it like Ctrl+C, writing what finished. The real CLI
 * on a real spec (in-process, and as a child process with a pipe for stderr), and the view on
 * a counted clock.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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

describe('experiment run progress without a terminal, and SIGTERM', () => {
  it('prints run lines at the gap and the last; no ETA once every run ended', () => {
    let now = 0
    const lines: string[] = []
    const view = progressView(pipe().stream, {
      nowMs: () => now,
      runLineGapMs: 10_000,
      print: (l) => lines.push(l),
    })
    const p = { total: 12, skipped: 2, running: 1, failed: 0, elapsedMs: 0, etaMs: 4000 }
    // 10 runs, one every 3 s: lines at 0 s (the first), 12 s, 24 s and the last at 30 s.
    for (let done = 0; done <= 10; done++, now += 3000) view.update({ ...p, done })
    expect(lines).toEqual([
      'runs: 0/10 done, 1 running, 0 failed, ETA 4 s',
      'runs: 4/10 done, 1 running, 0 failed, ETA 4 s',
      'runs: 8/10 done, 1 running, 0 failed, ETA 4 s',
      'runs: 10/10 done, 1 running, 0 failed',
    ])
  })

  it(
    'a child process with stderr on a pipe prints run lines; SIGTERM writes the finished runs',
    { timeout: 240_000 },
    async () => {
      const spec = join(dir, 'many.strata-experiment.json')
      const out = join(dir, 'many.out')
      const seeds = Array.from({ length: 400 }, (_, i) => i + 1)
      writeFileSync(
        spec,
        JSON.stringify({
          schemaVersion: 1,
          name: 'many seeds',
          design: DESIGN,
          vary: { 'simulation.seed': seeds, 'simulation.horizonS': [86_400] },
        }),
      )
      const cli = join(import.meta.dirname, '..', '..', 'src', 'main', 'cli', 'index.ts')
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          cli,
          'experiment',
          'run',
          spec,
          '--workers',
          '1',
          '--out',
          out,
          '--progress-every-s',
          '1',
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      )
      let err = ''
      let stdout = ''
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
      const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
      // SIGTERM once a run line says that some runs are done.
      await new Promise<void>((ready) =>
        child.stderr.on('data', (d: Buffer) => {
          err += d.toString()
          if (/^runs: [1-9]\d*\/400 done/m.test(err)) ready()
        }),
      )
      child.kill('SIGTERM')
      expect(await exited).toBe(143)
      const stopped = /stopped by SIGTERM; the (\d+) finished runs are in the results tables/.exec(
        err,
      )
      expect(stopped, err).not.toBeNull()
      const finished = Number(stopped?.[1])
      expect(finished).toBeGreaterThan(0)
      expect(finished).toBeLessThan(400)
      // The results tables hold exactly the runs stored one by one under runs/.
      const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as {
        records: unknown[]
      }
      expect(results.records).toHaveLength(readdirSync(join(out, 'runs')).length)
      expect(results.records).toHaveLength(finished)
      expect(existsSync(join(out, 'combinations.csv'))).toBe(true)
      expect(stdout).toContain(`400 runs: ${finished} done (0 already stored), 0 failed, cancelled`)
    },
  )
})
