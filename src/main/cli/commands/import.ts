/** `strata import planetlab TRACE_DIR [--order FILE] -o OUT.strata.json`: a design from PlanetLab traces. */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { importPlanetLab } from '../../engine/import/planetlab'
import { parseArgs, type CliCommand } from '../command'

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'build a design from external data (planetlab traces)',
  usage: 'strata import planetlab TRACE_DIR [--order FILE] -o OUT.strata.json',
  async run(args, io) {
    const { positionals, flags } = parseArgs(args)
    const [kind, dir] = positionals
    const out = flags.get('o') ?? flags.get('out')
    if (kind !== 'planetlab' || !dir || typeof out !== 'string') {
      io.err(`usage: ${this.usage}`)
      return 2
    }
    const traceDir = resolve(io.cwd, dir)
    let names: string[]
    try {
      names = readdirSync(traceDir)
        .filter((n) => statSync(join(traceDir, n)).isFile())
        .sort()
    } catch (error) {
      io.err(`strata import: cannot read the trace folder ${traceDir}: ${(error as Error).message}`)
      return 1
    }
    let order: string[] | undefined
    const orderFlag = flags.get('order')
    if (typeof orderFlag === 'string') {
      const orderPath = resolve(io.cwd, orderFlag)
      try {
        order = readFileSync(orderPath, 'utf8')
          .split(/\r?\n/)
          .filter((l) => l !== '')
      } catch (error) {
        io.err(
          `strata import: cannot read the order file ${orderPath}: ${(error as Error).message}`,
        )
        return 1
      }
    }
    const traces = names.map((name) => ({ name, text: readFileSync(join(traceDir, name), 'utf8') }))
    const imported = importPlanetLab(traces, {
      ...(order ? { order } : {}),
      name: `PlanetLab ${basename(traceDir)} (CloudSim 3.0.3 scenario)`,
    })
    if (!imported.ok) {
      io.err(`strata import: ${traceDir}: ${imported.message}`)
      return 1
    }
    const outPath = resolve(io.cwd, out)
    writeFileSync(outPath, JSON.stringify(imported.design))
    const d = imported.design
    io.out(`wrote ${outPath}: ${d.hosts.length} hosts, ${d.workloads.length} VMs from ${traceDir}`)
    return 0
  },
}
