/**
 * Refactoring guard: the whole result JSON of the schema-1 sample and of one PlanetLab day must
 * stay what it was before the architecture step (see README.md here; these are not oracles).
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { strataIn } from '../support/strata-cli'

const FIXTURES = resolve(__dirname, '../fixtures')
const GOLDEN = join(FIXTURES, 'golden')
const UPDATE = process.env.STRATA_UPDATE_GOLDEN === '1'
const work = mkdtempSync(join(tmpdir(), 'strata-golden-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** Runs `strata simulate` and returns the result JSON without its wall-clock field. */
async function simulateToJson(
  design: string,
  ...flags: string[]
): Promise<Record<string, unknown>> {
  const out = join(work, `result-${Math.abs(hash(design + flags.join(' '))).toString(36)}.json`)
  const run = await strataIn(work, 'simulate', design, ...flags, '--result', out)
  // A schema-1 file is converted on the way in, which `simulate` says as a warning.
  expect(run.err).not.toMatch(/error/i)
  expect(run.code).toBe(0)
  const result = JSON.parse(readFileSync(out, 'utf8')) as { summary: Record<string, unknown> }
  delete result.summary.elapsedMs
  return result as unknown as Record<string, unknown>
}

function hash(s: string): number {
  let h = 0
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0
  return h
}

describe('golden results (unchanged by refactoring)', () => {
  it('the schema-1 sample simulates to the same result JSON', async () => {
    const result = await simulateToJson(join(GOLDEN, 'sample-schema1.strata.json'))
    const file = join(GOLDEN, 'sample-schema1.result.json')
    if (UPDATE) writeFileSync(file, JSON.stringify(result, null, 1) + '\n')
    expect(result).toEqual(JSON.parse(readFileSync(file, 'utf8')))
  })

  it('the PlanetLab day 20110303 under lr-mmt-1.2 simulates to the same result JSON', async () => {
    const design = join(work, 'pl-20110303.strata.json')
    const imported = await strataIn(
      work,
      'import',
      'planetlab',
      join(FIXTURES, 'planetlab/20110303'),
      '--order',
      join(FIXTURES, 'planetlab/vm_order_20110303.txt'),
      '-o',
      design,
    )
    expect(imported.code).toBe(0)
    const result = await simulateToJson(design, '--policy', 'lr-mmt-1.2')
    const sha256 = createHash('sha256').update(JSON.stringify(result)).digest('hex')
    const file = join(GOLDEN, 'planetlab-20110303-lr-mmt-1.2.summary.json')
    const golden = { sha256OfResultWithoutElapsedMs: sha256, summary: result.summary }
    if (UPDATE) writeFileSync(file, JSON.stringify(golden, null, 1) + '\n')
    const saved = JSON.parse(readFileSync(file, 'utf8')) as typeof golden
    expect(result.summary).toEqual(saved.summary)
    expect(sha256).toBe(saved.sha256OfResultWithoutElapsedMs)
  }, 120_000)
})
