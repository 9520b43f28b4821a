/**
 * Stored run records damaged in the ways of review s6a #11, through the real CLI on real
 * files: a FIFO (it must not block), a 70 MB record (refused by its size, unread), a folder
 * (the rerun could not be stored: Node's bare `EISDIR … rename` before), a symbolic link to a
 * file of secrets (not followed; before, its first characters were quoted) and `-0` kWh
 * (accepted before). Each is named with its file and why, is run again, and every run still
 * lists in the tables; a `runs` folder that is a symbolic link is refused (review s7b #4); `strata report --experiment` reads `results.json` the same way.
 */
import { execFileSync } from 'node:child_process'
import {
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { strataIn } from '../support/strata-cli'
import { FIXTURES, tempDir } from './helpers'

const SECRET = 'STRATA_TEST_SECRET=hunter2'
let dir: string
let ids: string[]
const spec = {
  schemaVersion: 1,
  name: 'hostile records',
  design: 'two-hall.strata.json',
  vary: { 'simulation.policy': ['thr-mmt-0.8', 'dvfs'] },
  repeat: 3,
}
const run = () =>
  strataIn(dir, 'experiment', 'run', 'x.strata-experiment.json', '--out', 'out', '--workers', '2')

beforeAll(async () => {
  dir = tempDir('hostile-records')
  copyFileSync(join(FIXTURES, 'two-hall.strata.json'), join(dir, 'two-hall.strata.json'))
  writeFileSync(join(dir, 'x.strata-experiment.json'), JSON.stringify(spec))
  const first = await run()
  expect(first.code, first.err).toBe(0)
  ids = readdirSync(join(dir, 'out', 'runs'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort()
  expect(ids).toHaveLength(6)
}, 300_000)

const recordPath = (i: number) => join(dir, 'out', 'runs', `${ids[i]}.json`)

describe('strata experiment run over damaged stored records', () => {
  it(
    'names each damaged file and why, runs it again, and lists every run',
    { timeout: 300_000 },
    async () => {
      rmSync(recordPath(0))
      execFileSync('mkfifo', [recordPath(0)])
      truncateSync(recordPath(1), 70 * 1024 * 1024) // a 70 MB record (sparse: quick to make)
      rmSync(recordPath(2))
      mkdirSync(recordPath(2))
      const secrets = join(dir, 'secrets.txt')
      writeFileSync(secrets, SECRET)
      rmSync(recordPath(3))
      symlinkSync(secrets, recordPath(3))
      const negativeZero = readFileSync(recordPath(4), 'utf8').replace(
        /"energyKWh":[0-9.e+-]+/,
        '"energyKWh":-0',
      )
      expect(negativeZero).toContain('"energyKWh":-0')
      writeFileSync(recordPath(4), negativeZero)

      const second = await run()
      const said = second.out + second.err
      expect(second.code, said).toBe(0)
      const warning = (i: number, why: string) =>
        `strata experiment run: warning: runs/${ids[i]}.json ${why}`
      expect(second.err).toContain(
        `${warning(0, 'is a pipe (FIFO), not a regular file; it is run again')}`,
      )
      expect(second.err).toContain(
        warning(1, 'is too large: at least 70.0 MiB, the limit is 8.0 MiB; it is run again'),
      )
      expect(second.err).toContain(warning(2, 'is a folder, not a regular file; it is run again'))
      expect(second.err).toContain(
        warning(2, 'cannot be written (a folder is in its place); the run is in this experiment'),
      )
      expect(second.err).toContain(
        warning(3, 'is a symbolic link, not a file Strata wrote (not followed); it is run again'),
      )
      expect(second.err).toContain(
        `strata experiment run: warning: runs/${ids[4]}.json: summary.energyKWh must not be -0; it is run again`,
      )
      expect(said).not.toMatch(/hunter2|STRATA_TEST_SECRET|EISDIR/)
      // Five rerun, the sound one reused; all six in the tables.
      expect(second.out).toMatch(/6 runs: 6 done \(1 already stored\), 0 failed/)
      const results = JSON.parse(readFileSync(join(dir, 'out', 'results.json'), 'utf8')) as {
        records: Array<{ id: string }>
      }
      expect(results.records.map((r) => r.id).sort()).toEqual(ids)
      // The symlink was replaced by the record, its target left alone.
      expect(readFileSync(secrets, 'utf8')).toBe(SECRET)
    },
  )

  it(
    'refuses a runs folder that is a symbolic link: nothing read from it, nothing written to it',
    { timeout: 120_000 },
    async () => {
      // review s7b #4: records were read from ("2 already stored") and written to the target
      const elsewhere = join(dir, 'elsewhere')
      mkdirSync(elsewhere)
      const planted = readFileSync(join(dir, 'out', 'results.json'), 'utf8')
      writeFileSync(join(elsewhere, 'planted.json'), planted)
      mkdirSync(join(dir, 'out2'))
      symlinkSync(elsewhere, join(dir, 'out2', 'runs'))
      const r = await strataIn(
        dir,
        'experiment',
        'run',
        'x.strata-experiment.json',
        '--out',
        'out2',
        '--workers',
        '1',
      )
      expect(r.code, r.out + r.err).toBe(1)
      expect(r.err).toContain(
        `${join('out2', 'runs')} is a symbolic link, not a folder Strata made (not followed)`,
      )
      expect(readdirSync(elsewhere)).toEqual(['planted.json'])
      expect(readFileSync(join(elsewhere, 'planted.json'), 'utf8')).toBe(planted)
    },
  )
})

describe('strata report --experiment over a damaged results.json', () => {
  const report = (folder: string) =>
    strataIn(dir, 'report', '--experiment', folder, '--html', join(folder, 'r.html'))

  it('refuses a symbolic link without a word of its target', async () => {
    const folder = join(dir, 'linked')
    mkdirSync(folder)
    symlinkSync(join(dir, 'secrets.txt'), join(folder, 'results.json'))
    const r = await report(folder)
    expect(r.code).toBe(1)
    expect(r.err).toContain(
      `${join(folder, 'results.json')} is a symbolic link, not a file Strata wrote (not followed)`,
    )
    expect(r.out + r.err).not.toMatch(/hunter2|STRATA_TEST_SECRET/)
  })

  it('places a syntax error by line and column without quoting the text', async () => {
    const folder = join(dir, 'not-json')
    mkdirSync(folder)
    writeFileSync(join(folder, 'results.json'), `{"name": "x",\n  ${SECRET}}`)
    const r = await report(folder)
    expect(r.code).toBe(1)
    expect(r.err).toContain(`${join(folder, 'results.json')} is not valid JSON (line 2, column 3)`)
    expect(r.out + r.err).not.toMatch(/hunter2|STRATA_TEST_SECRET/)
  })

  it('refuses -0 kWh with its JSON path', async () => {
    const folder = join(dir, 'negative-zero')
    mkdirSync(folder)
    const text = readFileSync(join(dir, 'out', 'results.json'), 'utf8').replace(
      /"energyKWh": [0-9.e+-]+/,
      '"energyKWh": -0',
    )
    writeFileSync(join(folder, 'results.json'), text)
    const r = await report(folder)
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/results\.json: records\[\d+\]\.summary\.energyKWh must not be -0/)
  })

  it('quotes a folder name holding a newline, so it cannot break the line', async () => {
    const folder = join(dir, 'two\nlines')
    mkdirSync(folder)
    const r = await report(folder)
    expect(r.code).toBe(1)
    expect(r.err).toContain(
      `cannot read ${JSON.stringify(join(folder, 'results.json'))}: there is no such file`,
    )
  })
})
