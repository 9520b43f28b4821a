/**
 * Every file a user names (a design, an experiment spec and its designs, an experiment's
 * results.json, a CSV, an order file, a NetBox or OpenDC file) is read as a regular file
 * only: a FIFO nobody writes to is refused at once with the file's name, never waited on
 * (review s4, finding 1). A writer child process would feed each FIFO later; the command
 * must have answered while that writer is still waiting, which is the "no hang" check
 * (an order of events, not a time). Real FIFOs (mkfifo), the real CLI and services.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { loadExperiment } from '../../src/main/services/experiments/load-experiment'
import { readUserFile, readUserFileSync } from '../../src/main/services/files/safe-read'
import { strataIn } from '../support/strata-cli'

const DESIGN = join(import.meta.dirname, '..', 'fixtures', 'experiments', 'two-hall.strata.json')
const root = mkdtempSync(join(tmpdir(), 'strata-fifo-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

const writers: ChildProcess[] = []
afterEach(() => {
  for (const w of writers.splice(0)) if (w.exitCode === null) w.kill()
})

let n = 0
/** A fresh folder holding a FIFO `name`, and a writer that would feed it in 20 s. */
function fifoIn(name: string): { dir: string; fifo: string; writer: ChildProcess } {
  const dir = join(root, `case-${n++}`)
  mkdirSync(dir)
  const fifo = join(dir, name)
  execFileSync('mkfifo', [fifo])
  const writer = spawn(
    process.execPath,
    ['-e', 'setTimeout(() => require("fs").writeFileSync(process.argv[1], "{}"), 20000)', fifo],
    { stdio: 'ignore' },
  )
  writers.push(writer)
  return { dir, fifo, writer }
}

const spec = (design: string): string =>
  JSON.stringify({ schemaVersion: 1, name: 'x', design, vary: { 'simulation.seed': [1] } })

const REFUSED = /is a pipe \(FIFO\), not a regular file/

describe('a FIFO named as a user file is refused at once, naming it', () => {
  const cases: Array<[string, (f: ReturnType<typeof fifoIn>) => string[]]> = [
    ['validate DESIGN', (f) => ['validate', f.fifo]],
    ['simulate DESIGN', (f) => ['simulate', f.fifo]],
    ['experiment run SPEC', (f) => ['experiment', 'run', f.fifo, '--out', join(f.dir, 'out')]],
    [
      'experiment run SPEC whose design is a FIFO',
      (f) => {
        writeFileSync(join(f.dir, 'x.strata-experiment.json'), spec(f.fifo))
        return ['experiment', 'run', join(f.dir, 'x.strata-experiment.json')]
      },
    ],
    [
      'report --experiment DIR/results.json',
      (f) => ['report', '--experiment', f.dir, '--html', join(f.dir, 'r.html')],
    ],
    [
      'import csv DESIGN CSV',
      (f) => ['import', 'csv', DESIGN, f.fifo, '-o', join(f.dir, 'o.json')],
    ],
    ['import netbox CSV', (f) => ['import', 'netbox', f.fifo, '-o', join(f.dir, 'o.json')]],
    ['import opendc JSON', (f) => ['import', 'opendc', f.fifo, '-o', join(f.dir, 'o.json')]],
  ]
  for (const [label, argv] of cases)
    it(`strata ${label}`, { timeout: 60_000 }, async () => {
      const f = fifoIn(label.startsWith('report') ? 'results.json' : 'pipe.json')
      const r = await strataIn(f.dir, ...argv(f))
      expect(f.writer.exitCode).toBe(null) // answered before anyone wrote to the pipe
      expect(r.code).toBe(1)
      expect(r.out + r.err).toMatch(REFUSED)
      expect(r.out + r.err).toContain(f.fifo)
    })

  it('strata import planetlab --order FIFO', { timeout: 60_000 }, async () => {
    const f = fifoIn('order.txt')
    const traces = join(f.dir, 'traces')
    mkdirSync(traces)
    const day = join(import.meta.dirname, '..', 'fixtures', 'planetlab', '20110303')
    const first = execFileSync('ls', [day], { encoding: 'utf8' }).split('\n')[0] as string
    copyFileSync(join(day, first), join(traces, first))
    const r = await strataIn(
      f.dir,
      'import',
      'planetlab',
      traces,
      '--order',
      f.fifo,
      '-o',
      'o.json',
    )
    expect(f.writer.exitCode).toBe(null)
    expect(r.code).toBe(1)
    expect(r.err).toMatch(REFUSED)
  })

  it(
    'the service path: loadExperiment refuses a FIFO spec and a FIFO design',
    { timeout: 60_000 },
    async () => {
      const a = fifoIn('a.strata-experiment.json')
      const bad = await loadExperiment(a.fifo, '/')
      expect(a.writer.exitCode).toBe(null)
      expect(!bad.ok && bad.message).toMatch(REFUSED)
      const b = fifoIn('design.strata.json')
      writeFileSync(join(b.dir, 'x.strata-experiment.json'), spec('design.strata.json'))
      const worse = await loadExperiment(join(b.dir, 'x.strata-experiment.json'), '/')
      expect(b.writer.exitCode).toBe(null)
      expect(worse.ok).toBe(false)
      if (worse.ok) return
      expect(worse.problems).toEqual([
        {
          severity: 'error',
          path: 'design',
          message: `${b.fifo} is a pipe (FIFO), not a regular file`,
        },
      ])
    },
  )

  it('readUserFile caps the size while reading and names the file', async () => {
    const f = join(root, 'big.json')
    writeFileSync(f, 'x'.repeat(1000))
    expect(await readUserFile(f, 999)).toEqual({
      ok: false,
      message: `${f} is too large: at least 1000 bytes, the limit is 999 bytes`,
    })
    expect(readUserFileSync(f, 1000)).toMatchObject({ ok: true })
    expect(readUserFileSync(join(root, 'none'))).toEqual({
      ok: false,
      message: `cannot read ${join(root, 'none')}: there is no such file`,
    })
  })
})
