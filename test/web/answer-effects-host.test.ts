/**
 * A call that took effect says so when its answer is refused for size (review s8a #2):
 * `files:open` answered a bare "unavailable" after it had replaced the open design. Here the
 * child host's frame limit is 2 KiB, so the 21 warnings of a file with 30 duplicate keys
 * (20 listed at about 130 bytes each, and one counting the rest) pass it; the oracle that the
 * design was opened is its tenants, read with a small call.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sampleWithDuplicateKeys } from './duplicate-keys'
import { startChildHost, wsCall, wsConnect } from './helpers'

const CAP_BYTES = 2048
let callId = 1

describe('an answer refused after its call took effect', () => {
  it(
    'says the design was opened, and the design is the opened one',
    { timeout: 120_000 },
    async () => {
      const host = await startChildHost({ STRATA_TEST_MAX_MESSAGE_BYTES: String(CAP_BYTES) })
      const ws = await wsConnect(
        `${host.origin.replace('http', 'ws')}/api?token=${encodeURIComponent(host.providerToken)}`,
      )
      try {
        const call = (name: string, request: unknown = {}) => wsCall(ws, callId++, name, request)
        expect((await call('design:new')).ok).toBe(true)
        expect((await call('tenancy:list')).value).toEqual([])
        const file = join(host.root, 'dup30.strata.json')
        writeFileSync(file, sampleWithDuplicateKeys(30))
        const opened = await call('files:open', { path: file, discardChanges: true })
        expect(opened.error?.code).toBe('unavailable')
        expect(opened.error?.message).toMatch(
          /^the design was opened in place of the open one; the answer to "files:open" would be more than 2 KiB, and answers may be at most 2 KiB: read it with "design:get"/,
        )
        // the sample's three tenants: the open design is the file's
        const tenants = (await call('tenancy:list')).value as Array<{ tenantId: string }>
        expect(tenants).toHaveLength(3)
        expect(host.exited()).toBeUndefined()
      } finally {
        ws.close()
        await host.stop()
      }
    },
  )
})
