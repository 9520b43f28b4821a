/**
 * One web host in a child process per test file, with a provider socket and a scratch folder
 * (`useProviderHost`): registers the start in `beforeAll` and the stop and clean-up in
 * `afterAll`, so a test file only says what it checks.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import type WebSocket from 'ws'
import { startChildHost, wsConnect, type ChildHost } from './helpers'

/** Filled in by `beforeAll`: read the fields inside tests, not at the file's top level. */
export interface ProviderHost {
  host: ChildHost
  /** A socket with the provider's token. */
  provider: WebSocket
  /** A scratch folder, removed after the file. */
  dir: string
}

/** Starts a host for this test file (`prefix` names its scratch folder). */
export function useProviderHost(prefix: string): ProviderHost {
  const ctx = { dir: mkdtempSync(join(tmpdir(), prefix)) } as ProviderHost
  beforeAll(async () => {
    ctx.host = await startChildHost()
    ctx.provider = await wsConnect(
      `${ctx.host.origin.replace('http', 'ws')}/api?token=${encodeURIComponent(ctx.host.providerToken)}`,
    )
  }, 60_000)
  afterAll(async () => {
    ctx.provider?.close()
    await ctx.host?.stop()
    rmSync(ctx.dir, { recursive: true, force: true })
  })
  return ctx
}
