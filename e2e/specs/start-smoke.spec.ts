/**
 * The README's start path on a machine without the Electron runtime: `npm start` serves the
 * app through the web host. Starts `scripts/start.mjs` for real (in a fresh data folder, with
 * its own token), gets the page with the printed URL, checks the sample design is open, and
 * stops it. `--no-build` skips the build the e2e stage has just made; `--web` picks the web
 * host even where Electron is installed, so the test is the same on every machine.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { ApiClient } from '../fixtures/api-client'

/** Resolves with the first `http://…` URL the process prints after "serving on". */
function servingUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += String(chunk)
      const match = /serving on (http:\/\/\S+)/.exec(seen)
      if (match?.[1]) resolve(match[1])
    })
    child.once('exit', (code) =>
      reject(new Error(`start.mjs exited (${code}) before serving:\n${seen}`)),
    )
  })
}

test('npm start serves the sample through the web host and stops on SIGTERM', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'strata-start-'))
  const env: NodeJS.ProcessEnv = { ...process.env, STRATA_DATA_DIR: dataDir }
  delete env.STRATA_TOKEN // the start path makes its own token and prints it
  const child = spawn(process.execPath, ['scripts/start.mjs', '--no-build', '--web'], {
    cwd: process.cwd(),
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  try {
    const url = await servingUrl(child)
    const { origin, searchParams } = new URL(url)
    const token = searchParams.get('token') ?? ''
    expect(token.length).toBeGreaterThan(10)
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)

    expect((await page.request.get(origin + '/')).status()).toBe(401)
    const response = await page.goto(url)
    expect(response?.status()).toBe(200)
    await expect(page.locator('#app')).not.toBeEmpty()

    const api = await ApiClient.connect(origin, token)
    const snapshot = await api.must('design:get', {})
    api.close()
    const sample = JSON.parse(
      readFileSync(join(process.cwd(), 'resources/samples/two-hall.strata.json'), 'utf8'),
    ) as { meta: { name: string }; hosts: unknown[] }
    expect(snapshot.design.meta.name).toBe(sample.meta.name)
    expect(snapshot.design.hosts.length).toBe(sample.hosts.length)
  } finally {
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    rmSync(dataDir, { recursive: true, force: true })
  }
})
