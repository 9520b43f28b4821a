/**
 * `strata export netbox|opendc FILE -o OUT [--schema topology|sdk]`: a design file written in
 * another tool's format by the app's own exporters (`exportNetboxCsv`, `exportOpenDcTopology`).
 * What the format cannot carry is printed as warnings on stderr.
 */
import { exportNetboxCsv, exportOpenDcTopology } from '../../engine'
import { parseCliArgs, type CliCommand, type CliOptions } from '../command'
import { printTo } from '../interop-files'
import { writeOut } from '../write-output'
import { printProblems, readDesignFile } from '../load-design-file'

/** The options, with what `--help` says of each. */
const EXPORT_OPTIONS = {
  out: { type: 'string', short: 'o', value: 'OUT', help: 'the file to write (required)' },
  schema: {
    type: 'string',
    value: 'topology|sdk',
    help: 'opendc: topology (the topology file) or sdk (the OpenDC SDK format)',
    defaultText: 'topology',
  },
} as const satisfies CliOptions

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'write a design as a NetBox device CSV or an OpenDC topology',
  usage: 'strata export netbox|opendc FILE -o OUT [--schema topology|sdk]',
  options: EXPORT_OPTIONS,
  async run(args, io) {
    const parsed = parseCliArgs(this, args, EXPORT_OPTIONS, io)
    if (!parsed) return 2
    const { positionals, values } = parsed
    const [format, file] = positionals
    if (
      (format !== 'netbox' && format !== 'opendc') ||
      !file ||
      !values.out ||
      positionals.length > 2
    ) {
      io.err(`usage: ${this.usage}`)
      return 2
    }
    const schema = values.schema
    if (
      schema !== undefined &&
      (format !== 'opendc' || (schema !== 'topology' && schema !== 'sdk'))
    ) {
      io.err(
        format === 'opendc'
          ? `strata export: --schema must be "topology" or "sdk", not "${schema}"`
          : 'strata export: --schema applies to "export opendc" only',
      )
      return 2
    }
    const loaded = readDesignFile(file, io.cwd)
    if (!loaded.ok) {
      io.err(loaded.message)
      printProblems({ out: io.err }, file, loaded.problems)
      return 1
    }
    const result =
      format === 'netbox'
        ? exportNetboxCsv(loaded.design)
        : exportOpenDcTopology(loaded.design, schema ? { schema } : {})
    printTo(io, file, result.warnings)
    const written = await writeOut(values.out, io.cwd, result.contents)
    if (!written.ok) {
      io.err(`strata export ${format}: ${written.message}`)
      return 1
    }
    const d = loaded.design
    const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`
    const what =
      format === 'netbox'
        ? `${n(d.hosts.length, 'host', 'hosts')}, ${n(d.switches.length, 'switch', 'switches')}, ${n(d.storage.length, 'storage system', 'storage systems')}`
        : n(d.hosts.length, 'host', 'hosts')
    io.out(
      `wrote ${written.path}: ${what} in ${n(d.racks.length, 'rack', 'racks')}` +
        (result.warnings.length > 0 ? ` (${result.warnings.length} warning(s) above)` : ''),
    )
    return 0
  },
}
