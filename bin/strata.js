#!/usr/bin/env node
// The `strata` command: the built CLI when present, else the TypeScript source through tsx's
// loader, in this same process (so Ctrl+C reaches one process, whose handler is in place from
// its first line: scripts/early-interrupt.mjs).
import { exitOnOldNode } from '../scripts/node-version.mjs'
import { sayInterruptedUntilHandled } from '../scripts/early-interrupt.mjs'
import { existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { dirname, join } from 'node:path'

exitOnOldNode()
sayInterruptedUntilHandled()

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const built = join(root, 'out', 'main', 'cli.js')
if (existsSync(built)) {
  await import(pathToFileURL(built).href)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import(pathToFileURL(join(root, 'src', 'main', 'cli', 'index.ts')).href)
}
