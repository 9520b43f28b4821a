/**
 * What the CLI says about files it cannot use (review s9a #6/#7), on real files, links and
 * folders: why a file cannot be read in words (not `ENOENT`/`ELOOP`); where an unclosed CSV
 * quote opens; a trace folder holding a link is refused and a file that is not a trace is not
 * echoed; and no output is written through a symbolic link (its target stays as it was).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { strataIn } from '../support/strata-cli'

const SAMPLE = join(import.meta.dirname, '..', '..', 'resources', 'samples', 'two-hall.strata.json')
const dir = mkdtempSync(join(tmpdir(), 'strata-file-errors-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const strata = (...argv: string[]) => strataIn(dir, ...argv)

describe('a file the CLI cannot read', () => {
  it('is said with the reason in words', async () => {
    symlinkSync('loop-b', join(dir, 'loop-a'))
    symlinkSync('loop-a', join(dir, 'loop-b'))
    const missing = `cannot read ${join(dir, 'none.json')}: there is no such file`
    expect((await strata('info', 'none.json')).err).toBe(missing)
    expect((await strata('simulate', 'none.json')).err).toBe(missing)
    const loop = await strata('validate', 'loop-a')
    // validate reports what it found on stdout; an input is never read through a link
    expect(loop.out + loop.err).toContain(`${join(dir, 'loop-a')} is a symbolic link`)
    mkdirSync(join(dir, 'looping'))
    symlinkSync('loop-d', join(dir, 'looping', 'loop-c'))
    symlinkSync('loop-c', join(dir, 'looping', 'loop-d'))
    const inside = await strata('info', join('looping', 'loop-c', 'x.json'))
    expect(inside.err).toContain(
      `cannot read ${join(dir, 'looping', 'loop-c', 'x.json')}: a symbolic link on its path loops`,
    )
    expect((await strata('import', 'netbox', 'none.csv', '-o', 'o.json')).err).toBe(
      `strata import netbox: cannot read ${join(dir, 'none.csv')}: there is no such file`,
    )
    expect((await strata('import', 'planetlab', 'no-folder', '-o', 'o.json')).err).toBe(
      `strata import: cannot read the trace folder ${join(dir, 'no-folder')}: there is no such folder`,
    )
    const report = await strata('report', '--experiment', 'no-results', '--html', 'x.html')
    expect(report.err).toContain(
      `cannot read ${join(dir, 'no-results', 'results.json')}: there is no such file`,
    )
    for (const r of [loop, inside, report]) expect(r.out + r.err).not.toMatch(/\bE[A-Z]{3,}\b/)
  })
})

describe('an input file that is a symbolic link', () => {
  it('is refused by every command that reads one, naming it, its target neither read nor echoed', async () => {
    const links = join(dir, 'links')
    mkdirSync(links)
    const secret = join(dir, 'secret.txt')
    writeFileSync(secret, 'root:*:20228:0:99999:7:::\n')
    const link = (name: string, target: string) => {
      symlinkSync(target, join(links, name))
      return join('links', name)
    }
    const design = link('design.strata.json', SAMPLE)
    const csv = link('trace.csv', secret)
    const netbox = link('devices.csv', secret)
    const opendc = link('topology.json', secret)
    const order = link('order.txt', secret)
    const traces = join(dir, 'pl-order')
    mkdirSync(traces)
    writeFileSync(join(traces, 'node0'), '10\n20\n')
    const refused = (name: string) =>
      `${join(dir, name)} is a symbolic link; inputs are read only from regular files, not through links (name the file it points to)`
    const cases: Array<[string[], string]> = [
      [['validate', design], design],
      [['info', design], design],
      [['simulate', design], design],
      [['export', 'netbox', design, '-o', 'x.csv'], design],
      [['import', 'csv', SAMPLE, csv, '-o', 'o.json'], csv],
      [['import', 'csv', design, 'none.csv', '-o', 'o.json'], design],
      [['import', 'netbox', netbox, '-o', 'o.json'], netbox],
      [['import', 'opendc', opendc, '-o', 'o.json'], opendc],
      [['import', 'planetlab', 'pl-order', '--order', order, '-o', 'o.json'], order],
    ]
    for (const [argv, name] of cases) {
      const r = await strata(...argv)
      expect(r.code, argv.join(' ')).not.toBe(0)
      expect(r.out + r.err, argv.join(' ')).toContain(refused(name))
      expect(r.out + r.err, argv.join(' ')).not.toContain('root')
    }
  })
})

describe('import csv with a quote never closed', () => {
  it('names the line where the quote opens, blank lines counted', async () => {
    writeFileSync(join(dir, 'q.csv'), 'name,role\n"unterminated,x\n')
    const q = await strata('import', 'csv', SAMPLE, 'q.csv', '-o', 'o.json')
    expect(q.err).toBe('strata import csv: q.csv line 2: a quoted field is never closed')
    // header 1, row 2, blank 3, the quote opens on line 4 and runs to the end (line 6)
    writeFileSync(
      join(dir, 'q4.csv'),
      'time_s,instance,cpu_percent\n0,web,10\n\n300,web,"20\n600,web,30\n',
    )
    const q4 = await strata('import', 'csv', SAMPLE, 'q4.csv', '-o', 'o.json')
    expect(q4.err).toBe('strata import csv: q4.csv line 4: a quoted field is never closed')
  })
})

describe('import planetlab', () => {
  it('refuses a trace folder holding a symbolic link, naming it, and reads nothing', async () => {
    const traces = join(dir, 'pl-link')
    mkdirSync(traces)
    writeFileSync(join(dir, 'private.txt'), 'root:*:20228:0:99999:7:::\n')
    writeFileSync(join(traces, 'node0'), '10\n20\n')
    symlinkSync(join(dir, 'private.txt'), join(traces, 'node1'))
    const r = await strata('import', 'planetlab', 'pl-link', '-o', 'pl.json')
    expect(r.code).toBe(1)
    expect(r.err).toBe(
      `strata import: ${join(traces, 'node1')} is a symbolic link; trace files are read only from regular files in the folder (copy the trace in instead)`,
    )
  })

  it('does not echo a line of a file that is not a trace', async () => {
    const traces = join(dir, 'pl-text')
    mkdirSync(traces)
    writeFileSync(join(traces, 'node0'), 'root:*:20228:0:99999:7:::\n')
    writeFileSync(join(traces, 'node1'), '10\n101\n')
    const r = await strata('import', 'planetlab', 'pl-text', '-o', 'pl.json')
    expect(r.err).toContain(
      'trace "node0" line 1: text, not a number, is not an integer percentage',
    )
    expect(r.err).not.toContain('root')
    rmSync(join(traces, 'node0'))
    const n = await strata('import', 'planetlab', 'pl-text', '-o', 'pl.json')
    expect(n.err).toContain('trace "node1" line 2: "101" is not an integer percentage 0..100')
  })
})

describe('an output path that is a symbolic link', () => {
  it('is refused by every writer; the link and its target stay as they were', async () => {
    writeFileSync(join(dir, 'victim.txt'), 'victim\n')
    symlinkSync('victim.txt', join(dir, 'out-link'))
    const refused = `cannot write ${join(dir, 'out-link')}: it is a symbolic link, and strata does not write through links (remove the link or name another file)`
    const runs = [
      await strata('export', 'netbox', SAMPLE, '-o', 'out-link'),
      await strata('generate', '--hosts', '4', '-o', 'out-link'),
      await strata('simulate', SAMPLE, '--result', 'out-link'),
      await strata('report', SAMPLE, '--html', 'out-link'),
    ]
    for (const r of runs) {
      expect(r.code).toBe(1)
      expect(r.err).toContain(refused)
    }
    expect(readFileSync(join(dir, 'victim.txt'), 'utf8')).toBe('victim\n')
    expect(readFileSync(join(dir, 'out-link'), 'utf8')).toBe('victim\n')
  })
})
