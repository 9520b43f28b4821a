/**
 * Writes resources/schema/strata-design.schema.json from the zod design schema (`npm run
 * schema`), formatted as `npm run check` expects (Prettier), so a regenerated file is clean.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { format, resolveConfig } from 'prettier'
import { designJsonSchema } from '../src/main/engine'

const path = join(import.meta.dirname, '../resources/schema/strata-design.schema.json')
const options = (await resolveConfig(path)) ?? {}
writeFileSync(
  path,
  await format(JSON.stringify(designJsonSchema()), { ...options, filepath: path }),
)
console.log(`wrote ${path}`)
