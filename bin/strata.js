#!/usr/bin/env node
// The `strata` command: the built CLI when present, else the TypeScript source through tsx.
import { exitOnOldNode } from '../scripts/node-version.mjs'
import { existsSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { dirname, join } from 'node:path'

exitOnOldNode()

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const built = join(root, 'out', 'main', 'cli.js')
if (existsSync(built)) {
  await import(pathToFileURL(built).href)
} else {
  const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs')
  const result = spawnSync(
    process.execPath,
    [tsx, join(root, 'src', 'main', 'cli', 'index.ts'), ...process.argv.slice(2)],
    { stdio: 'inherit' },
  )
  process.exit(result.status ?? 1)
}
