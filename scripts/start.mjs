#!/usr/bin/env node
// `npm start`: build, then start the desktop app with the sample design. Where the Electron
// runtime is missing (it is downloaded on first use, which needs internet) or there is no
// display, say so and serve the same app through the web host instead, printing its URL.
//
//   npm start                     build, then the desktop window (or the web host)
//   npm start -- --web            build, then always the web host (its flags pass through:
//                                 --port N, a design FILE, --tenant ID)
//   npm start -- --no-build       skip the build (out/ is already built; the e2e smoke test)
import { exitOnOldNode } from './node-version.mjs'
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

exitOnOldNode()

const root = fileURLToPath(new URL('..', import.meta.url))
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status ?? 1

const ownFlags = ['--web', '--no-build']
const argv = process.argv.slice(2)
const forceWeb = argv.includes('--web')
const build = !argv.includes('--no-build')
const serveArgs = argv.filter((a) => !ownFlags.includes(a))

if (
  build &&
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

const binary = forceWeb ? undefined : electronBinary()
const hasDisplay =
  process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)
let child
if (binary && hasDisplay) {
  child = spawn(binary, ['.'], { cwd: root, stdio: 'inherit' })
} else {
  if (!forceWeb)
    console.log(
      binary
        ? 'Strata: no display here, so the desktop window cannot open; serving the same app in the browser instead.'
        : 'Strata: the Electron runtime is not installed (it is downloaded on first use and this machine cannot reach it); serving the same app in the browser instead.',
    )
  child = spawn(process.execPath, [join(root, 'out/main/cli.js'), 'serve', ...serveArgs], {
    cwd: root,
    stdio: 'inherit',
  })
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 0))
