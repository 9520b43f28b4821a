/**
 * The engine's version as experiments see it: the sha256 (hex) of the engine's source
 * (`src/main/engine`, every `.ts` file but tests, by relative path and content). A run id
 * includes it, so results computed by a different engine are never reused. The bundle gets
 * the hash at build time (`__STRATA_ENGINE_HASH__`, defined in electron.vite.config.ts from
 * the same function); from source it is computed once from the files.
 */
import { createHash } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

declare const __STRATA_ENGINE_HASH__: string | undefined

/** sha256 (hex) of the engine sources under `engineDir`. Throws when the folder is missing. */
export function hashEngineSources(engineDir: string): string {
  const files: string[] = []
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.name.endsWith('.ts') && !/\.(test|bench)\.ts$/.test(entry.name))
        files.push(path)
    }
  }
  walk(engineDir)
  const hash = createHash('sha256')
  for (const path of files.map((f) => relative(engineDir, f).split(sep).join('/')).sort()) {
    hash.update(`${path}\0`)
    hash.update(readFileSync(join(engineDir, path)))
    hash.update('\0')
  }
  return hash.digest('hex')
}

let cached: string | undefined

/** The running engine's hash: the build's, or (from source) the engine folder's. */
export function engineHash(): string {
  if (typeof __STRATA_ENGINE_HASH__ === 'string') return __STRATA_ENGINE_HASH__
  cached ??= hashEngineSources(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'engine'))
  return cached
}
