/**
 * The built `strata experiment run` (bin/strata.js -> out/main/cli.js with
 * out/main/experiment-worker.js) against the TypeScript source through tsx: the same spec
 * gives the same 18 results, field for field except wall-clock timings.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'

const SPEC = 'test/fixtures/experiments/policies.strata-experiment.json'

interface Json {
  runs: number
  done: number
  failed: number
  results: Array<{ id: string; factors: unknown; summary: Record<string, unknown> }>
}

function run(argv: string[], workers: number): Json {
  const out = mkdtempSync(join(tmpdir(), 'strata-e2e-exp-'))
  const text = execFileSync(
    process.execPath,
    [...argv, 'experiment', 'run', SPEC, '--json', '--workers', String(workers), '--out', out],
    { encoding: 'utf8', timeout: 120_000 },
  )
  return JSON.parse(text) as Json
}

const withoutTimings = (j: Json): unknown =>
  j.results.map((r) => ({ ...r, summary: { ...r.summary, elapsedMs: undefined } }))

test('the built experiment runner matches the source, on a pool of 2', () => {
  const built = run(['bin/strata.js'], 2)
  expect(built).toMatchObject({ runs: 18, done: 18, failed: 0 })
  expect(new Set(built.results.map((r) => r.id)).size).toBe(18)
  const source = run(['node_modules/tsx/dist/cli.mjs', 'src/main/cli/index.ts'], 1)
  expect(withoutTimings(built)).toEqual(withoutTimings(source))
})
