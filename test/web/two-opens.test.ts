/**
 * Two `files:open` sent back to back over the real web host (review s7a #6): the design open
 * at the end is the one asked for last, and the other answers `cancelled` (or, if it was read
 * and opened before the second began, ok and first). Before, a large first file, slower to
 * read, replaced the small second one, and both answered ok. Real files, real sockets, the
 * host in a child process.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateDesign } from '../../src/main/cli/commands/generate'
import { serializeStrataFile } from '../../src/main/engine'
import type WebSocket from 'ws'
import { ROOT } from './helpers'
import { useProviderHost } from './provider-host'

const ctx = useProviderHost('strata-two-opens-')
const dir = ctx.dir

type Answer = { ok: boolean; error?: { code: string; message: string } }

/** Sends every call at once; resolves with the answers in the order they arrived. */
function sendAll(calls: Array<[number, string, unknown]>): Promise<Array<[number, Answer]>> {
  return new Promise((resolve) => {
    const got: Array<[number, Answer]> = []
    const onMessage = (data: WebSocket.RawData) => {
      const m = JSON.parse(String(data)) as { type: string; id: number; result: Answer }
      if (m.type !== 'strata:call') return
      got.push([m.id, m.result])
      if (got.length === calls.length) {
        ctx.provider.off('message', onMessage)
        resolve(got)
      }
    }
    ctx.provider.on('message', onMessage)
    for (const [id, name, request] of calls)
      ctx.provider.send(JSON.stringify({ id, name, request }))
  })
}

describe('two opens back to back', () => {
  it('leave the last asked open; the overtaken one says so', { timeout: 120_000 }, async () => {
    // A: a large design (slow to read and check); B: the sample (fast).
    const big = generateDesign({
      hosts: 3000,
      racks: 75,
      tenants: 5,
      instances: 24_000,
      seed: 3,
      horizonH: 24,
      storageIops: 0,
      nodePools: 0,
    })
    const a = join(dir, 'big.strata.json')
    writeFileSync(a, serializeStrataFile(big))
    const b = join(dir, 'sample.strata.json')
    writeFileSync(b, readFileSync(join(ROOT, 'resources', 'samples', 'two-hall.strata.json')))
    const sampleName = (JSON.parse(readFileSync(b, 'utf8')) as { meta: { name: string } }).meta.name
    for (let round = 0; round < 2; round++) {
      const answers = await sendAll([
        [1, 'files:open', { path: a, discardChanges: true }],
        [2, 'files:open', { path: b, discardChanges: true }],
      ])
      const byId = new Map(answers)
      expect(byId.get(2)?.ok, JSON.stringify(byId.get(2))).toBe(true)
      const first = byId.get(1)!
      if (first.ok) expect(answers[0]?.[0]).toBe(1)
      else {
        expect(first.error?.code).toBe('cancelled')
        expect(first.error?.message).toContain(a)
      }
      const got = (await sendAll([[3, 'design:get', {}]]))[0]![1] as Answer & {
        value: { design: { meta: { name: string } } }
      }
      expect(got.value.design.meta.name).toBe(sampleName)
    }
    expect(ctx.host.exited()).toBeUndefined()
  })
})
