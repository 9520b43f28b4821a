/** Shared pieces of the experiment tests: the fixture spec, temp folders, comparable results. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RunRecord } from '../../src/main/engine/experiments'

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'experiments')
export const POLICIES_SPEC = join(FIXTURES, 'policies.strata-experiment.json')

export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `strata-${label}-`))
}

/** A record without wall-clock figures (the only fields allowed to differ between runs). */
export function comparable(record: RunRecord): unknown {
  const { elapsedMs: _elapsed, ...summary } = record.summary
  return { ...record, summary }
}
