/** Design files with repeated keys, for the tests of how their warnings are answered. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './helpers'

/** The two-hall sample with `"description":"x",` written `n` more times at the top of `meta`. */
export function sampleWithDuplicateKeys(n: number): string {
  const sample = readFileSync(join(ROOT, 'resources/samples/two-hall.strata.json'), 'utf8')
  return sample.replace('"meta": {', `"meta": {${'"description":"x",'.repeat(n)}`)
}
