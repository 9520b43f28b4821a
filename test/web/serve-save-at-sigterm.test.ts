/**
 * `strata serve` stopped by SIGTERM while a save is in progress (review s10a #9): the save
 * completed on disk, but the socket closed (1001) 5 ms after the signal and the caller never
 * heard, so the app would still show the design unsaved. Now, in a real `serve` process (from
 * source, a stand-in page for the renderer): a 2,000-host design is opened, saved over an older
 * file, and SIGTERM follows. The save's answer arrives before the socket closes, and it tells
 * the truth about the disk: `ok` and the file is the saved design (its meta name), or
 * `unavailable` (the call came after the stop began) and the old file is untouched. The process
 * exits 0. Counted in answers and codes; the
 * only times are liveness bounds.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { generateDesign } from '../../src/main/cli/commands/generate'
import { serializeStrataFile } from '../../src/main/engine'
import { ROOT, wsCall, wsConnect } from './helpers'

const dir = mkdtempSync(join(tmpdir(), 'strata-serve-save-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const TOKEN = 'serve-save-sigterm-test-token-01'

describe('strata serve at SIGTERM during a save', () => {
  it(
    'answers the save before the socket closes, truthfully, and exits 0',
    { timeout: 300_000 },
    async () => {
      const renderer = join(dir, 'renderer')
      mkdirSync(renderer, { recursive: true })
      writeFileSync(join(renderer, 'index.html'), '<!doctype html><div id="app">Strata</div>')
      const design = generateDesign({
        hosts: 2_000,
        racks: 40,
        tenants: 8,
        instances: 40_000,
        seed: 3,
        horizonH: 24,
      })
      design.meta.name = 'saved at SIGTERM'
      const source = join(dir, 'big.strata.json')
      writeFileSync(source, serializeStrataFile(design))
      const target = join(dir, 'target.strata.json')
      const old = '{"old": "a file the save replaces"}\n'
      writeFileSync(target, old)

      const serve = spawn(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'src/main/cli/index.ts'), 'serve', '--port', '0'],
        {
          cwd: ROOT,
          env: {
            ...process.env,
            STRATA_TOKEN: TOKEN,
            STRATA_RENDERER_DIR: renderer,
            STRATA_DATA_DIR: join(dir, 'data'),
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      )
      let stderr = ''
      serve.stderr.on('data', (d: Buffer) => (stderr += String(d)))
      const exited = new Promise<number | null>((resolve) =>
        serve.on('exit', (code) => resolve(code)),
      )
      const url = await new Promise<string>((resolve, reject) => {
        let out = ''
        serve.stdout.on('data', (d: Buffer) => {
          out += String(d)
          const m = /serving on (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)
          if (m) resolve(m[1]!)
        })
        serve.on('exit', () => reject(new Error(`serve exited: ${stderr}`)))
      })
      const ws = await wsConnect(`${url.replace('http', 'ws')}/api?token=${TOKEN}`)
      let socketClosed = false
      const closed = new Promise<number>((resolve) =>
        ws.on('close', (code) => {
          socketClosed = true
          resolve(code)
        }),
      )
      const opened = await wsCall(ws, 'open', 'files:open', { path: source, discardChanges: true })
      expect(opened.ok).toBe(true)

      const saved = wsCall(ws, 'save', 'files:save-as', { path: target, overwrite: true }).then(
        (r) => ({ ...r, beforeClose: !socketClosed }),
      )
      // the save serialises 40,000 instances and writes them: the signal lands while it works
      await new Promise((resolve) => setTimeout(resolve, 20))
      serve.kill('SIGTERM')
      expect(await closed).toBe(1001)
      expect(await exited).toBe(0)
      const answer = await Promise.race([
        saved,
        new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 1_000)),
      ])
      expect(answer, 'the save was answered').toBeDefined()
      expect(answer?.beforeClose).toBe(true)
      const onDisk = readFileSync(target, 'utf8')
      if (answer?.ok) {
        expect((JSON.parse(onDisk) as { meta: { name: string } }).meta.name).toBe(
          'saved at SIGTERM',
        )
      } else {
        expect(answer?.error?.code).toBe('unavailable')
        expect(onDisk).toBe(old)
      }
    },
  )
})
