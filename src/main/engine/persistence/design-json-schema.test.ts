import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CURRENT_SCHEMA_VERSION } from '../../../shared/design/enums'
import { designJsonSchema } from './design-json-schema'
import { DESIGN_SCHEMA_ID, serializeStrataFile } from './file-format'
import { readStrataFile } from './read-file'

const root = join(__dirname, '../../../..')
const published = JSON.parse(
  readFileSync(join(root, 'resources/schema/strata-design.schema.json'), 'utf8'),
) as Record<string, unknown>
const sampleText = readFileSync(join(root, 'resources/samples/two-hall.strata.json'), 'utf8')

describe('the design file JSON Schema', () => {
  it('is published as generated from the zod schema (run "npm run schema" after a change)', () => {
    expect(published).toEqual(designJsonSchema())
    expect(published.$id).toBe(DESIGN_SCHEMA_ID)
  })

  it('names every top-level member a saved file holds, and nothing else is allowed', () => {
    const read = readStrataFile(sampleText)
    if (!read.ok) throw new Error(read.message)
    const saved = JSON.parse(serializeStrataFile(read.design)) as Record<string, unknown>
    const properties = published.properties as Record<string, unknown>
    for (const key of Object.keys(saved)) expect(properties).toHaveProperty([key])
    expect(properties).toHaveProperty(['lastRun'])
    expect(published.additionalProperties).toBe(false)
  })
})

describe('$schema in design files', () => {
  const design = () => {
    const read = readStrataFile(sampleText)
    if (!read.ok) throw new Error(read.message)
    return read.design
  }

  it('is written first in every saved file, and open -> save is exact', () => {
    const text = serializeStrataFile(design())
    expect(
      text.startsWith(
        `{\n  "$schema": "${DESIGN_SCHEMA_ID}",\n  "schemaVersion": ${CURRENT_SCHEMA_VERSION},`,
      ),
    ).toBe(true)
    const back = readStrataFile(text)
    expect(back.ok && back.design).toEqual(design())
    expect(back.ok && serializeStrataFile(back.design)).toBe(text)
  })

  it('is accepted and kept when a file points elsewhere (a local copy of the schema)', () => {
    const doc = JSON.parse(sampleText) as Record<string, unknown>
    const text = JSON.stringify({ $schema: './strata-design.schema.json', ...doc })
    const read = readStrataFile(text)
    expect(read.ok).toBe(true)
    if (!read.ok) return
    expect(read.design.$schema).toBe('./strata-design.schema.json')
    expect(JSON.parse(serializeStrataFile(read.design)).$schema).toBe('./strata-design.schema.json')
  })

  it('must be a string, with a located error otherwise', () => {
    const doc = JSON.parse(sampleText) as Record<string, unknown>
    const read = readStrataFile(JSON.stringify({ ...doc, $schema: 42 }))
    expect(read.ok).toBe(false)
    if (!read.ok) expect(read.problems.map((p) => p.path)).toContain('$schema')
  })
})
