/**
 * `strata import netbox|opendc FILE -o OUT`: the app's own NetBox and OpenDC importers
 * (`importNetboxCsv`, `importOpenDcTopology`) run on a file, the design written as a
 * `.strata.json`. Warnings go to stderr; a refused file exits 1 with each problem's place.
 */
import { basename } from 'node:path'
import {
  importNetboxCsv,
  importOpenDcTopology,
  parseJsonText,
  serializeStrataFile,
  type ImportResult,
} from '../../engine'
import type { CliIo } from '../command'
import { printTo, readTextFile } from '../interop-files'
import { writeOut } from '../write-output'
import { resolveOpenDcImports } from '../opendc-imports'

/** Imports `file` of the given format into a new design file `out`; returns the exit code. */
export async function importDesign(
  format: 'netbox' | 'opendc',
  file: string,
  out: string,
  name: string | undefined,
  io: CliIo,
): Promise<number> {
  const read = readTextFile(file, io.cwd)
  if (!read.ok) {
    io.err(`strata import ${format}: ${read.message}`)
    return 1
  }
  const designName =
    name ?? `${basename(read.path)} (imported from ${format === 'netbox' ? 'NetBox' : 'OpenDC'})`
  let result: ImportResult
  if (format === 'netbox') result = importNetboxCsv(read.text, designName)
  else {
    const json = parseJsonText(read.text, 'the OpenDC topology')
    const composed = json.ok ? resolveOpenDcImports(json.value, read.path) : undefined
    if (composed && !composed.ok) {
      io.err(`strata import opendc: ${read.path}: ${composed.message}`)
      return 1
    }
    result = composed ? importOpenDcTopology(composed.value, designName) : (json as ImportResult)
  }
  if (!result.ok) {
    io.err(`strata import ${format}: ${read.path}: ${result.message}`)
    printTo(io, file, result.problems)
    return 1
  }
  printTo(io, file, result.warnings)
  const written = await writeOut(out, io.cwd, serializeStrataFile(result.design))
  if (!written.ok) {
    io.err(`strata import ${format}: ${written.message}`)
    return 1
  }
  const counts = Object.entries(result.counts)
    .map(([kind, n]) => `${n} ${kind}${n === 1 ? '' : kind === 'switch' ? 'es' : 's'}`)
    .join(', ')
  io.out(
    `wrote ${written.path}: ${counts} from ${read.path}` +
      (result.warnings.length > 0 ? ` (${result.warnings.length} warning(s) above)` : ''),
  )
  return 0
}
