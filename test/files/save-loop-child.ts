/**
 * Child process for the kill test: saves a large design to FILE over and over with the real
 * atomic save, printing "saved N" after each, until it is killed.
 */
import { readFileSync } from 'node:fs'
import { checkIntegrity } from '../../src/main/engine'
import { serializeStrataFile } from '../../src/main/engine/persistence'
import { writeFileAtomic } from '../../src/main/services/files'

const file = process.argv[2]
if (!file) throw new Error('usage: save-loop-child FILE')
const sample = checkIntegrity(
  JSON.parse(
    readFileSync(new URL('../../resources/samples/two-hall.strata.json', import.meta.url), 'utf8'),
  ),
).design
if (!sample) throw new Error('sample invalid')
// About 4 MB: 6000 hosts, so that a save takes long enough to be killed in the middle.
const hosts = Array.from({ length: 6000 }, (_, i) => ({
  ...sample.hosts[i % sample.hosts.length]!,
  id: `h-${i}`,
  name: `host ${i}`,
}))
const base = {
  ...sample,
  hosts,
  links: [],
  storage: sample.storage.map(({ hostId: _h, ...s }) => s),
  simulation: { ...sample.simulation, failures: { mode: 'none' as const, schedule: [] } },
}

async function main(): Promise<void> {
  for (let n = 1; ; n++) {
    await writeFileAtomic(
      file!,
      serializeStrataFile({ ...base, meta: { ...base.meta, name: `version ${n}` } }),
    )
    process.stdout.write(`saved ${n}\n`)
  }
}
void main()
