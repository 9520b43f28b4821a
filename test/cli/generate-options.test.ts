/**
 * Every `strata generate` option that can make an invalid design is refused up front, naming
 * the option (review s8a #7: `--hosts 100 --racks 1` failed after generating, naming
 * `switches[3].ports`). The rack arithmetic: a top-of-rack switch has 64 ports, 2 of them up to
 * the aggregation switches, so a rack holds 62 hosts and H hosts need ⌈H ÷ 62⌉ racks. Then, over
 * every option at once, whatever the parser accepts is a design the rules accept.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { generateDesign, parseGenerateArgs } from '../../src/main/cli/commands/generate'
import { checkDesignRules, readStrataFile, serializeStrataFile } from '../../src/main/engine'
import type { Problem } from '../../src/shared/domain/problem'
import { strata } from '../support/strata-cli'

describe('--racks too few for the hosts (review s8a #7)', () => {
  it.each([
    [63, 1, 2],
    [100, 1, 2],
    [125, 2, 3],
    [20_000, 322, 323],
  ])('%i hosts in %i rack(s) are refused: at least %i', (hosts, racks, fewest) => {
    const args = ['--hosts', `${hosts}`, '--racks', `${racks}`, '-o', 'x.strata.json']
    expect(parseGenerateArgs(args)).toBe(
      `${hosts.toLocaleString('en-US')} hosts need at least ${fewest} racks (a top-of-rack ` +
        `switch has 64 ports, 62 for hosts and 2 up to the aggregation): give --racks ≥ ${fewest}`,
    )
  })

  it('62 hosts fit one rack, 124 two; the command exits 2 with the usage when refused', async () => {
    expect(typeof parseGenerateArgs(['--hosts', '62', '--racks', '1', '-o', 'x'])).toBe('object')
    expect(typeof parseGenerateArgs(['--hosts', '124', '--racks', '2', '-o', 'x'])).toBe('object')
    const r = await strata('generate', '--hosts', '100', '--racks', '1', '-o', 'never.json')
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/^strata generate: 100 hosts need at least 2 racks .*\nusage: /)
  })
})

describe('every option the parser accepts makes a valid design', () => {
  it('hosts, racks, tenants, instances, seed, horizon, traffic, IOPS, node pools, power, prices', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.constantFrom('0.0834', '1', '24', '8760'),
        fc.option(fc.integer({ min: 0, max: 20 })),
        fc.constantFrom(0, 1, 100, 1_000_000),
        fc.integer({ min: 0, max: 1000 }),
        fc.boolean(),
        fc.boolean(),
        (hosts, racks, tenants, instances, seed, horizonH, peers, iops, pools, power, prices) => {
          const args = [
            ...['--hosts', `${hosts}`, '--racks', `${racks}`, '--tenants', `${tenants}`],
            ...['--instances', `${instances}`, '--seed', `${seed}`, '--horizon-h', horizonH],
            ...(peers === null ? [] : ['--east-west', `${peers}`]),
            ...['--storage-iops', `${iops}`, '--node-pools', `${pools}`],
            ...(power ? [] : ['--no-power']),
            ...(prices ? [] : ['--no-prices']),
            ...['-o', 'x.strata.json'],
          ]
          const parsed = parseGenerateArgs(args)
          if (typeof parsed === 'string') {
            // refused: only for the racks or --racks above the hosts, named
            expect(parsed, args.join(' ')).toMatch(/racks/)
            return
          }
          const back = readStrataFile(serializeStrataFile(generateDesign(parsed.options)), {
            source: 'x.strata.json',
          })
          const problems: Problem[] = back.ok ? checkDesignRules(back.design) : back.problems
          expect(
            problems.filter((p) => p.severity === 'error'),
            args.join(' '),
          ).toEqual([])
        },
      ),
      { numRuns: 120, seed: 8 },
    )
  }, 120_000)
})
