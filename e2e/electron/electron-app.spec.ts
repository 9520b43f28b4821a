/**
 * The desktop app itself, launched with Playwright's Electron driver. Needs the Electron
 * runtime, which cannot be downloaded on machines without internet: there the test reports
 * itself skipped with that reason.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'

function electronBinary(): string | undefined {
  const dir = join(process.cwd(), 'node_modules', 'electron')
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return undefined
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : undefined
}

const binary = electronBinary()

test('the Electron window opens the sample with a hardened renderer', async () => {
  if (!binary) console.warn('SKIPPED (Electron spec): the Electron runtime is not installed here')
  test.skip(
    !binary,
    'Electron runtime not installed here (node_modules/electron/dist is missing: it is downloaded on first use, and this machine has no internet)',
  )
  const app = await electron.launch({
    executablePath: binary,
    args: ['.'],
    env: { ...process.env, STRATA_DATA_DIR: join(process.cwd(), 'test-results', 'electron-data') },
  })
  const page = await app.firstWindow()
  await expect(page.locator('#app')).not.toBeEmpty()
  const opened = await page.evaluate(
    () =>
      (globalThis as unknown as { open: (u: string) => unknown }).open('https://example.com') ===
      null,
  )
  expect(opened).toBe(true)
  const processVisible = await page.evaluate(
    () => typeof (globalThis as { process?: unknown }).process,
  )
  expect(processVisible).toBe('undefined')
  const nodeVisible = await page.evaluate(
    () => typeof (globalThis as { require?: unknown }).require,
  )
  expect(nodeVisible).toBe('undefined')
  const info = await page.evaluate(async () =>
    (
      globalThis as unknown as { strata: { call: (n: string, r: unknown) => Promise<unknown> } }
    ).strata.call('app:info', {}),
  )
  expect(info).toMatchObject({
    ok: true,
    value: { shell: 'electron', session: { role: 'provider' } },
  })
  await page.screenshot({ path: join('test-results', 'electron-window.png') })
  await app.close()
})
