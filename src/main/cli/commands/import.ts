/**
 * `strata import planetlab TRACE_DIR [--order FILE] -o OUT.strata.json`: a design from PlanetLab traces.
 * `strata import csv DESIGN CSV [--interval S] -o OUT.strata.json`: attach generic CSV demand traces.
 * `strata import netbox DEVICES.csv -o OUT.strata.json`: a design from a NetBox device list.
 * `strata import opendc TOPOLOGY.json -o OUT.strata.json`: a design from an OpenDC topology.
 */
import { readdirSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { importCsvTraces, importPlanetLab } from '../../engine'
import { parseCliArgs, type CliCommand, type CliIo, type CliOptions } from '../command'
import { readFailureReason } from '../../services/files/io-errors'
import { readCliInput } from '../read-input'
import { csvRows } from '../csv-rows'
import { printProblems, printWarnings, readDesignFile } from '../load-design-file'
import { writeOut } from '../write-output'
import { importDesign } from './import-interop'

async function importCsv(
  designFile: string,
  csvFile: string,
  out: string,
  interval: string | undefined,
  io: CliIo,
): Promise<number> {
  const loaded = readDesignFile(designFile, io.cwd)
  if (!loaded.ok) {
    io.err(loaded.message)
    printProblems({ out: io.err }, designFile, loaded.problems)
    return 1
  }
  const intervalS = interval !== undefined ? Number(interval) : undefined
  if (interval !== undefined && !(intervalS !== undefined && intervalS > 0)) {
    io.err(`strata import csv: --interval must be seconds > 0, got "${String(interval)}"`)
    return 2
  }
  const csvPath = resolve(io.cwd, csvFile)
  const csv = readCliInput(csvPath)
  if (!csv.ok) {
    io.err(`strata import csv: ${csv.message}`)
    return 1
  }
  const rows = csvRows(csv.bytes.toString('utf8'))
  if (!rows.ok) {
    io.err(`strata import csv: ${csvFile} ${rows.message}`)
    return 1
  }
  const r = importCsvTraces(loaded.design, rows.rows, {
    source: csvFile,
    ...(intervalS !== undefined ? { intervalS } : {}),
  })
  if (!r.ok) {
    io.err(`strata import csv: ${r.message}`)
    return 1
  }
  printWarnings({ out: io.err }, '', r.warnings)
  const written = await writeOut(out, io.cwd, JSON.stringify(r.design))
  if (!written.ok) {
    io.err(`strata import csv: ${written.message}`)
    return 1
  }
  const outPath = written.path
  const s = r.summary
  if (s.shiftS !== 0)
    io.out(
      `times shifted by -${s.shiftS} s: the traces start at the first time stamp (${s.shiftS})`,
    )
  io.out(
    `wrote ${outPath}: ${s.traces} trace(s), ${s.samples} sample(s) at ${s.intervalS} s, ${s.instances} instance(s) from ${csvPath}`,
  )
  return 0
}

/** The options, with what `--help` says of each. */
const IMPORT_OPTIONS = {
  out: {
    type: 'string',
    short: 'o',
    value: 'OUT',
    help: 'the .strata.json to write (required; replaced atomically, a symbolic link is refused)',
  },
  order: {
    type: 'string',
    value: 'FILE',
    help: 'planetlab: the order of the trace files, one name a line',
    defaultText: 'by file name',
  },
  interval: { type: 'string', value: 'S', help: "csv: seconds between a trace's samples" },
  name: { type: 'string', value: 'NAME', help: "netbox, opendc: the design's name" },
} as const satisfies CliOptions

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'build a design from external data (PlanetLab traces, CSV, NetBox, OpenDC)',
  usage:
    'strata import planetlab TRACE_DIR [--order FILE] -o OUT | csv DESIGN CSV [--interval S] -o OUT | netbox DEVICES.csv -o OUT [--name NAME] | opendc TOPOLOGY.json -o OUT [--name NAME]',
  options: IMPORT_OPTIONS,
  async run(args, io) {
    const parsed = parseCliArgs(this, args, IMPORT_OPTIONS, io)
    if (!parsed) return 2
    const { positionals, values } = parsed
    const [kind, dir] = positionals
    const out = values.out
    const misplaced = (
      [
        ['order', 'planetlab'],
        ['interval', 'csv'],
        ['name', 'netbox or opendc'],
      ] as const
    ).find(([flag, only]) => values[flag] !== undefined && !only.split(' or ').includes(kind ?? ''))
    if (misplaced) {
      io.err(`strata import: --${misplaced[0]} applies to "import ${misplaced[1]}" only`)
      io.err(`usage: ${this.usage}`)
      return 2
    }
    if ((kind === 'netbox' || kind === 'opendc') && dir && out && positionals.length === 2)
      return importDesign(kind, dir, out, values.name, io)
    if (kind === 'csv' && positionals[2] && out && dir && positionals.length === 3)
      return importCsv(dir, positionals[2], out, values.interval, io)
    if (kind !== 'planetlab' || !dir || !out || positionals.length > 2) {
      io.err(`usage: ${this.usage}`)
      return 2
    }
    const traceDir = resolve(io.cwd, dir)
    let names: string[]
    try {
      const entries = readdirSync(traceDir, { withFileTypes: true })
      // A link in a trace folder is refused, not read through (review s9a #7: a link to
      // /etc/shadow was read as a trace and its first line printed in the error).
      const link = entries.find((e) => e.isSymbolicLink())
      if (link) {
        io.err(
          `strata import: ${join(traceDir, link.name)} is a symbolic link; trace files are read only from regular files in the folder (copy the trace in instead)`,
        )
        return 1
      }
      names = entries
        .filter((e) => e.isFile())
        .map((e) => e.name)
        .sort()
    } catch (error) {
      io.err(
        `strata import: cannot read the trace folder ${traceDir}: ${readFailureReason(error, 'folder')}`,
      )
      return 1
    }
    let order: string[] | undefined
    const orderFlag = values.order
    if (orderFlag !== undefined) {
      const read = readCliInput(resolve(io.cwd, orderFlag))
      if (!read.ok) {
        io.err(`strata import: the order file: ${read.message}`)
        return 1
      }
      order = read.bytes
        .toString('utf8')
        .split(/\r?\n/)
        .filter((l) => l !== '')
    }
    const traces: Array<{ name: string; text: string }> = []
    for (const name of names) {
      const read = readCliInput(join(traceDir, name))
      if (!read.ok) {
        io.err(`strata import: ${read.message}`)
        return 1
      }
      traces.push({ name, text: read.bytes.toString('utf8') })
    }
    const imported = importPlanetLab(traces, {
      ...(order ? { order } : {}),
      name: `PlanetLab ${basename(traceDir)} (CloudSim 3.0.3 scenario)`,
    })
    if (!imported.ok) {
      io.err(`strata import: ${traceDir}: ${imported.message}`)
      return 1
    }
    const written = await writeOut(out, io.cwd, JSON.stringify(imported.design))
    if (!written.ok) {
      io.err(`strata import: ${written.message}`)
      return 1
    }
    const outPath = written.path
    printWarnings(
      { out: io.err },
      '',
      imported.warnings.map((w) => `${traceDir}: ${w}`),
    )
    const d = imported.design
    const s = imported.summary
    io.out(
      `wrote ${outPath}: ${d.hosts.length} hosts, ${s.traces} trace(s), ${s.samples} sample(s), ${s.instances} instance(s) from ${traceDir}`,
    )
    return 0
  },
}
