import { existsSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig } from '@playwright/test'

// One web host for the whole run, with a token made here (workers inherit the environment).
process.env.STRATA_TOKEN ??= randomBytes(18).toString('base64url')
process.env.STRATA_E2E_PORT ??= '47173'
process.env.STRATA_E2E_DATA ??= join(tmpdir(), `strata-e2e-${process.pid}`)

const chromium = process.env.STRATA_CHROMIUM ?? '/usr/bin/chromium'
const port = Number(process.env.STRATA_E2E_PORT)

export default defineConfig({
  testDir: './e2e',
  testMatch: /.*\.spec\.ts$/,
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: existsSync(chromium) ? chromium : undefined,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node out/main/cli.js serve --port ${port}`,
    url: `http://127.0.0.1:${port}/?token=${process.env.STRATA_TOKEN}`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    env: {
      STRATA_TOKEN: process.env.STRATA_TOKEN,
      STRATA_DATA_DIR: process.env.STRATA_E2E_DATA,
    },
  },
})
