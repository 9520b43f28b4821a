import { groupedNumber } from '../../../shared/domain/number-text'
import { ENTITY_COLLECTIONS } from '../../../shared/design/enums'
import { parseCliArgs, type CliCommand, type CliOptions } from '../command'
import { printProblems, readDesignFile } from '../load-design-file'

/** The options, with what `--help` says of each. */
const INFO_OPTIONS = {
  json: { type: 'boolean', help: 'print the counts as one JSON line' },
} as const satisfies CliOptions

export const infoCommand: CliCommand = {
  name: 'info',
  summary: 'print counts of a design by kind',
  usage: 'strata info FILE [--json]',
  options: INFO_OPTIONS,
  async run(args, io) {
    const parsed = parseCliArgs(this, args, INFO_OPTIONS, io)
    if (!parsed) return 2
    const file = parsed.positionals[0]
    if (!file || parsed.positionals.length > 1) {
      io.err(`usage: ${this.usage}`)
      return 2
    }
    const loaded = readDesignFile(file, io.cwd)
    if (!loaded.ok) {
      io.err(loaded.message)
      printProblems({ out: io.err }, file, loaded.problems)
      return 1
    }
    const d = loaded.design
    const counts: Record<string, number> = {}
    for (const [kind, key] of Object.entries(ENTITY_COLLECTIONS)) counts[kind] = d[key].length
    counts.instance = d.workloads.reduce((n, w) => n + w.count, 0)
    for (const tier of ['access', 'aggregation', 'core'] as const)
      counts[`switch.${tier}`] = d.switches.filter((s) => s.tier === tier).length
    for (const h of d.hosts)
      counts[`host.${h.virtualization.kind}`] = (counts[`host.${h.virtualization.kind}`] ?? 0) + 1
    if (parsed.values.json) io.out(JSON.stringify({ name: d.meta.name, counts }))
    else {
      io.out(`${d.meta.name}`)
      for (const [k, v] of Object.entries(counts)) io.out(`  ${k.padEnd(20)} ${groupedNumber(v)}`)
    }
    return 0
  },
}
