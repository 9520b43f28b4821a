/**
 * Answers past the host's frame limit are refused by name and size, and the socket stays
 * open (review s7a #8): `scheduler:last` of a 1,000,000-instance design held the host about
 * 9.5 s and then closed the socket with 1011 "could not send". Here the child host's frame
 * limit is 512 KiB (the default is 64 MiB) so a 2,000-host design's answers pass it; the
 * oracle for "too big" is the byte length of JSON.stringify of the design the test wrote.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import { generateDesign } from '../../src/main/cli/commands/generate'
import { serializeStrataFile } from '../../src/main/engine'
import { startChildHost, wsCall, wsConnect, type ChildHost } from './helpers'

const CAP_BYTES = 512 * 1024
let callId = 1
const call = (ws: WebSocket, name: string, request: unknown = {}) =>
  wsCall(ws, callId++, name, request)

describe('an answer over the frame limit', () => {
  it(
    'is refused naming the call, the limit and a smaller form; the socket serves on',
    {
      timeout: 240_000,
    },
    async () => {
      const host: ChildHost = await startChildHost({
        STRATA_TEST_MAX_MESSAGE_BYTES: String(CAP_BYTES),
      })
      const ws = await wsConnect(
        `${host.origin.replace('http', 'ws')}/api?token=${encodeURIComponent(host.providerToken)}`,
      )
      let closed: number | undefined
      ws.on('close', (code) => (closed = code))
      try {
        const design = generateDesign({
          hosts: 2000,
          racks: 50,
          tenants: 3,
          instances: 16_000,
          seed: 2,
          horizonH: 24,
          storageIops: 0,
          nodePools: 0,
        })
        // the design alone is past the limit: any answer that carries it is too
        expect(Buffer.byteLength(JSON.stringify(design))).toBeGreaterThan(CAP_BYTES)
        const file = join(host.root, 'gen2000.strata.json')
        writeFileSync(file, serializeStrataFile(design))
        const opened = await call(ws, 'files:open', { path: file, discardChanges: true })
        expect(opened.ok ? 'ok' : opened.error?.message).toBe('ok')

        const got = await call(ws, 'design:get')
        expect(got.error?.code).toBe('unavailable')
        expect(got.error?.message).toBe(
          'the answer to "design:get" would be more than 512 KiB, and answers may be at most 512 KiB',
        )
        const placed = await call(ws, 'scheduler:place')
        expect(placed.error?.code).toBe('unavailable')
        expect(placed.error?.message).toMatch(
          /^the placement was made and published; the answer to "scheduler:place" would be .* KiB/,
        )
        expect(placed.error?.message).toContain('scheduler:last-digest')
        const last = await call(ws, 'scheduler:last')
        expect(last.error?.message).toMatch(/^the answer to "scheduler:last" would be/)
        // the smaller form answers: the placement was made, of every instance
        const digest = await call(ws, 'scheduler:last-digest')
        const d = digest.value as { placedCount: number; unplacedCount: number }
        const instances = design.workloads.reduce((n, w) => n + w.count, 0)
        expect(d.placedCount + d.unplacedCount).toBe(instances)
        expect((await call(ws, 'app:info')).ok).toBe(true)
        expect(closed).toBeUndefined()
        const stats = await host.stats()
        expect(stats.stats.answersTooBig).toBe(3)
        expect(stats.internals).toEqual([])
        expect(host.exited()).toBeUndefined()
      } finally {
        ws.close()
        await host.stop()
      }
    },
  )
})
