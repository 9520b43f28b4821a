/** The built-in sample designs shipped in resources/samples. */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const SUFFIX = '.strata.json'

export function listSamples(samplesDir: string): string[] {
  try {
    return readdirSync(samplesDir)
      .filter((f) => f.endsWith(SUFFIX))
      .map((f) => f.slice(0, -SUFFIX.length))
      .sort()
  } catch {
    return []
  }
}

/** Reads a sample by name; `undefined` when there is no such sample. */
export function readSample(samplesDir: string, name: string): unknown {
  if (!listSamples(samplesDir).includes(name)) return undefined
  return JSON.parse(readFileSync(join(samplesDir, name + SUFFIX), 'utf8'))
}

export const DEFAULT_SAMPLE = 'two-hall'
