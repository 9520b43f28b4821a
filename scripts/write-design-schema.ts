/** Writes resources/schema/strata-design.schema.json from the zod design schema (`npm run schema`). */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { designJsonSchema } from '../src/main/engine'

const path = join(import.meta.dirname, '../resources/schema/strata-design.schema.json')
writeFileSync(path, JSON.stringify(designJsonSchema(), null, 2) + '\n')
console.log(`wrote ${path}`)
