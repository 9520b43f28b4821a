/**
 * A negative number given to a numeric option reaches the command's own check, which says what
 * the value must be (review s9a #6): before, Node's parser took `-5` for an option and every
 * command that parses with it said "Option '--hosts' argument is ambiguous. Did you forget to
 * specify the option argument…?". Every numeric option of every command, run in-process on
 * real files; `serve` is left out (it would start a host).
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { strata } from '../support/strata-cli'

const SAMPLE = join(import.meta.dirname, '..', '..', 'resources', 'samples', 'two-hall.strata.json')
/** Never read: `--interval` is checked first. */
const CSV = 'never.csv'

/** [option, the command line before it] for every numeric option. */
const NUMERIC: Array<[string, string[]]> = [
  ...['hosts', 'racks', 'tenants', 'instances', 'seed', 'horizon-h', 'east-west'].map(
    (o): [string, string[]] => [o, ['generate', '--hosts', '4', '-o', 'never.json']],
  ),
  ...['storage-iops', 'node-pools'].map((o): [string, string[]] => [
    o,
    ['generate', '--hosts', '4', '-o', 'never.json'],
  ]),
  ['seed', ['place', SAMPLE]],
  ['seed', ['simulate', SAMPLE]],
  ['progress-every-s', ['simulate', SAMPLE]],
  ['interval', ['import', 'csv', SAMPLE, CSV, '-o', 'never.json']],
  ...['hosts', 'instances', 'tenants', 'seed'].map((o): [string, string[]] => [
    o,
    ['bench', 'placement', '--hosts', '4', '--instances', '4'],
  ]),
  ['workers', ['experiment', 'run', 'never.strata-experiment.json']],
  ['progress-every-s', ['experiment', 'run', 'never.strata-experiment.json']],
  ['concurrency', ['worker', '--queue', 'redis://127.0.0.1:1']],
  ['lock-ms', ['worker', '--queue', 'redis://127.0.0.1:1']],
]

describe('a negative number given to a numeric option', () => {
  it.each(NUMERIC)(
    '--%s -5 is refused by the command, naming the option',
    async (option, before) => {
      const r = await strata(...before, `--${option}`, '-5')
      expect(r.code).not.toBe(0)
      expect(r.err).not.toMatch(/ambiguous/)
      expect(r.err).toMatch(new RegExp(`--${option} must be`))
    },
  )

  it('is said with the value, in the words the other bad values get', async () => {
    const r = await strata('generate', '--hosts', '-5', '-o', 'never.json')
    expect(r.err.split('\n')[0]).toBe(
      'strata generate: --hosts must be a whole number from 1 to 20000, not "-5"',
    )
    const i = await strata('import', 'csv', SAMPLE, CSV, '--interval', '-3', '-o', 'never.json')
    expect(i.err).toBe('strata import csv: --interval must be seconds > 0, got "-3"')
  })

  it('leaves a value after `--` and a value that is not a number to the parser', async () => {
    // `-o` followed by an option-like word is still a missing value, said as the parser says it
    const r = await strata('generate', '--hosts', '4', '-o', '-x')
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/'-o'/)
  })
})
