/**
 * `npm run bench`: every benchmark in scripts/bench/, one after another. Figures are
 * printed (ratios, counts, throughput), never asserted. `npm run bench -- NAME` runs one.
 */
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

interface BenchModule {
  /** Runs the benchmark and prints its figures. */
  run: () => Promise<void>
}

const dir = join(dirname(fileURLToPath(import.meta.url)), 'bench')
const only = process.argv.slice(2)
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.ts$/, '')))
  .sort()

for (const file of files) {
  console.log(`\n=== bench ${file.replace(/\.ts$/, '')} ===`)
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as BenchModule
  await mod.run()
}
