/**
 * Writes the README's `strata` reference (the commands table and each command's options) from
 * the commands' own definitions: `npm run cli-reference`. `test/cli/cli-reference.test.ts`
 * fails when the README is not current.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { format, resolveConfig } from 'prettier'
import { cliReferenceMarkdown, withReference } from '../src/main/cli/cli-reference'
import { COMMANDS } from '../src/main/cli/commands'

const file = join(import.meta.dirname, '..', 'README.md')
const text = withReference(readFileSync(file, 'utf8'), cliReferenceMarkdown(COMMANDS))
const config = (await resolveConfig(file)) ?? {}
writeFileSync(file, await format(text, { ...config, filepath: file }))
console.log(`wrote the strata reference in ${file}`)
