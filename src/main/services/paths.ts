/** Where the app's own files are, from source (tsx), from the bundle (out/main) and in Electron. */
import { existsSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AppPaths } from './context'

/** The folder holding Strata's package.json (the checkout or the packaged app). */
export function findAppRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from
  for (;;) {
    const pkg = join(dir, 'package.json')
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'strata')
          return dir
      } catch {
        // not ours; keep looking
      }
    }
    const up = dirname(dir)
    if (up === dir) throw new Error(`cannot find Strata's package.json above ${from}`)
    dir = up
  }
}

export function appVersion(root = findAppRoot()): string {
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string })
    .version
}

/** Paths outside Electron: data in $STRATA_DATA_DIR or ~/.config/strata. */
export function defaultPaths(root = findAppRoot()): AppPaths {
  return {
    dataDir: process.env.STRATA_DATA_DIR ?? join(homedir(), '.config', 'strata'),
    samplesDir: join(root, 'resources', 'samples'),
  }
}

/**
 * The built renderer (electron-vite build output), or `$STRATA_RENDERER_DIR` when set (a
 * renderer built elsewhere; the tests of `strata serve` as a process use a stand-in page).
 */
export function rendererDir(root = findAppRoot()): string {
  return process.env.STRATA_RENDERER_DIR || join(root, 'out', 'renderer')
}
