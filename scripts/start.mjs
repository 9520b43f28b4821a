#!/usr/bin/env node
// `npm start`: build, then start the desktop app with the sample design. Where the Electron
// runtime is missing (it is downloaded on first use, which needs internet), say so and
// serve the same app through the web host instead, printing its URL.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status ?? 1

if (
  run(process.execPath, [
    join(root, 'node_modules/electron-vite/bin/electron-vite.js'),
    'build',
  ]) !== 0
)
  process.exit(1)

function electronBinary() {
  const dir = join(root, 'node_modules', 'electron')
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return undefined
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : undefined
}

const binary = electronBinary()
const hasDisplay =
  process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)
let child
if (binary && hasDisplay) {
  child = spawn(binary, ['.'], { cwd: root, stdio: 'inherit' })
} else {
  console.log(
    binary
      ? 'Strata: no display here, so the desktop window cannot open; serving the same app in the browser instead.'
      : 'Strata: the Electron runtime is not installed (it is downloaded on first use and this machine cannot reach it); serving the same app in the browser instead.',
  )
  child = spawn(
    process.execPath,
    [join(root, 'out/main/cli.js'), 'serve', ...process.argv.slice(2)],
    { cwd: root, stdio: 'inherit' },
  )
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 0))
