/**
 * Two of review s7a #11's lows, through the real web host: `set-simulation` refuses a policy
 * or a weigher the run would refuse (before, both were accepted and refused only at
 * `simulation:start`), naming the field and the valid names, and the design is not changed;
 * `simulation:cancel` answers "cancelled" (before: "running", the run read "cancelled" a
 * moment later), and the run then finishes as cancelled.
 */
import { describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import { wsCall } from './helpers'
import { useProviderHost } from './provider-host'

const ctx = useProviderHost('strata-settings-')
let callId = 1
const call = (name: string, request: unknown = {}) => wsCall(ctx.provider, callId++, name, request)
const settings = async () =>
  ((await call('design:get')).value as { design: { simulation: Record<string, unknown> } }).design
    .simulation

describe('set-simulation', () => {
  it('refuses an unknown policy or weigher, listing the valid ones, and changes nothing', async () => {
    const before = await settings()
    const policy = await call('design:apply', {
      command: { type: 'set-simulation', patch: { policy: 'nonsense' } },
    })
    expect(policy.error?.code).toBe('bad-request')
    expect(policy.error?.message).toMatch(
      /^command\.patch\.policy: unknown policy "nonsense": use npa, dvfs or DETECTOR-SELECTOR-PARAM/,
    )
    const inBatch = await call('design:apply', {
      command: {
        type: 'batch',
        label: 'two edits',
        commands: [
          { type: 'set-meta', patch: { description: 'x' } },
          { type: 'set-simulation', patch: { placement: { weights: { nosuch: 1e308 } } } },
        ],
      },
    })
    expect(inBatch.error?.code).toBe('bad-request')
    expect(inBatch.error?.message).toBe(
      'command.commands[1].patch.placement.weights: unknown weigher "nosuch" (known: spread, pack, power, locality)',
    )
    expect(await settings()).toEqual(before)
    const fine = await call('design:apply', {
      command: { type: 'set-simulation', patch: { policy: 'thr-mmt-0.8' } },
    })
    expect(fine.ok ? 'ok' : fine.error?.message).toBe('ok')
    expect((await settings()).policy).toBe('thr-mmt-0.8')
  })
})

describe('simulation:cancel', () => {
  it('answers cancelled, and the run finishes cancelled', async () => {
    const finished = new Promise<{ status: string }>((resolve) => {
      const onMessage = (data: WebSocket.RawData) => {
        const m = JSON.parse(String(data)) as { event?: string; payload?: { status: string } }
        if (m.event !== 'simulation:finished') return
        ctx.provider.off('message', onMessage)
        resolve(m.payload!)
      }
      ctx.provider.on('message', onMessage)
    })
    const started = await call('simulation:start', {})
    expect(started.ok ? 'ok' : started.error?.message).toBe('ok')
    const runId = (started.value as { runId: string }).runId
    const cancelled = await call('simulation:cancel', { runId })
    expect((cancelled.value as { status: string }).status).toBe('cancelled')
    expect((await finished).status).toBe('cancelled')
    const got = await call('simulation:get', { runId, lean: true })
    expect((got.value as { status: string }).status).toBe('cancelled')
  })
})
