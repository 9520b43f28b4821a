/**
 * The CLI prints problems and warnings bounded, as the web host answers them (review s9a #5:
 * `import netbox` with 200,000 skipped rows wrote 26 MB of warnings to stderr). A NetBox list of
 * 5,000 devices of an unknown role gives 5,000 warnings of one kind: by the bound (at most 20
 * of a kind listed, the rest counted in one line) the command prints 20 + 1 warning lines, the
 * last naming the 4,980 others; a design with 300 failures naming missing hosts gives 300
 * errors of one kind: `validate` prints 20 + 1.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { strataIn } from '../support/strata-cli'

const SAMPLE = join(import.meta.dirname, '..', '..', 'resources', 'samples', 'two-hall.strata.json')
const dir = mkdtempSync(join(tmpdir(), 'strata-bounded-output-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const strata = (...argv: string[]) => strataIn(dir, ...argv)
const lines = (text: string, part: string) => text.split('\n').filter((l) => l.includes(part))

describe('the CLI bounds what it prints', () => {
  it('import netbox: 5,000 warnings of one kind as 20 lines and a count', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `dev-${i},mystery`)
    writeFileSync(join(dir, 'devices.csv'), ['name,role', ...rows].join('\n'))
    const r = await strata('import', 'netbox', 'devices.csv', '-o', 'out.strata.json')
    const warned = lines(r.err, 'warning')
    expect(warned).toHaveLength(21)
    expect(warned.at(-1)).toContain('4,980 more like this')
  })

  it('validate: 300 errors of one kind as 20 lines and a count', async () => {
    const design = JSON.parse(readFileSync(SAMPLE, 'utf8'))
    design.simulation.failures = {
      ...design.simulation.failures,
      mode: 'schedule',
      schedule: Array.from({ length: 300 }, (_, i) => ({
        hostId: `missing-${i}`,
        atS: 100,
        repairS: 10,
      })),
    }
    writeFileSync(join(dir, 'bad.strata.json'), JSON.stringify(design))
    const r = await strata('validate', 'bad.strata.json')
    const errors = lines(r.out + r.err, 'error at')
    expect(errors).toHaveLength(21)
    expect(errors.at(-1)).toContain('280 more like this')
  })
})
