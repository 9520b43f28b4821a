/**
 * Review s6u #6: `strata simulate` said nothing for 8 minutes and Ctrl+C exited silently. Now
 * it prints progress lines (simulated time of the horizon, ETA) when stderr is not a terminal,
 * and SIGINT says where it stopped and that nothing was written, exit 130 (SIGTERM: 143). The
 * real CLI as a child process with a pipe for stderr and a real signal; the lines' arithmetic
 * on a counted clock.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { progressText, simulateProgress } from '../../src/main/cli/commands/simulate-progress'

const SAMPLE = join(import.meta.dirname, '..', '..', 'resources', 'samples', 'two-hall.strata.json')
const CLI = join(import.meta.dirname, '..', '..', 'src', 'main', 'cli', 'index.ts')
const dir = mkdtempSync(join(tmpdir(), 'strata-sim-progress-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('strata simulate progress', () => {
  it('says how far and how long: 6 h of 1 d after 10 s of wall time leaves 30 s', () => {
    // pace: 6 h simulated in 10 s, so the 18 h left take 30 s
    expect(progressText(6 * 3600, 24 * 3600, 30)).toBe('6:00 of 1 d 0:00 (25 %), ETA 30 s')
    let now = 0
    const lines: string[] = []
    const view = simulateProgress(
      { isTTY: false, write: () => true } as unknown as NodeJS.WritableStream,
      { nowMs: () => now, lineGapMs: 5000, print: (l) => lines.push(l) },
    )
    now = 10_000
    view.update(6 * 3600, 24 * 3600)
    now = 12_000 // within the gap: no line
    view.update(7 * 3600, 24 * 3600)
    now = 20_000 // 12 h in 20 s: 12 h left take 20 s
    view.update(12 * 3600, 24 * 3600)
    expect(lines).toEqual([
      'simulated 6:00 of 1 d 0:00 (25 %), ETA 30 s',
      'simulated 12:00 of 1 d 0:00 (50 %), ETA 20 s',
    ])
  })

  it(
    'prints lines to a pipe, and Ctrl+C (SIGINT) says where it stopped, writes nothing, exits 130',
    { timeout: 180_000 },
    async () => {
      // the sample over 60 days: long enough to be stopped
      const design = JSON.parse(readFileSync(SAMPLE, 'utf8')) as {
        simulation: Record<string, unknown>
      }
      design.simulation.horizonS = 60 * 86_400
      const file = join(dir, 'long.strata.json')
      writeFileSync(file, JSON.stringify(design))
      const out = join(dir, 'result.json')
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', CLI, 'simulate', file, '--result', out, '--progress-every-s', '1'],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      )
      let err = ''
      const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
      await new Promise<void>((ready) =>
        child.stderr.on('data', (d: Buffer) => {
          err += d.toString()
          if (/^simulated \d+ d \d+:\d\d of 60 d 0:00 \(\d+ %\), ETA /m.test(err)) ready()
        }),
      )
      child.kill('SIGINT')
      expect(await exited).toBe(130)
      expect(err).toMatch(
        /strata simulate: stopped by SIGINT at (\d+ d )?\d+:\d\d of 60 d 0:00 simulated; nothing written/,
      )
      expect(existsSync(out)).toBe(false)
    },
  )
})
