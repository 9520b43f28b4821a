/**
 * A size refusal quotes at most 100 characters of the call's name (review s7b #5): a message
 * whose first "name" is a large call (so the raw scan lets it through) and whose last "name"
 * (the one JSON.parse keeps) is 2 MiB long was answered with that name whole, a 2,097,313-byte
 * answer. Real host child, real socket; the oracle is the message the test built.
 */
import { describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import { useProviderHost } from './provider-host'

const ctx = useProviderHost('strata-quoted-')

/** Sends `text` raw and resolves with the next call answer, as received. */
function rawCall(ws: WebSocket, text: string): Promise<string> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const answer = String(data)
      if (!answer.includes('"strata:call"')) return
      ws.off('message', onMessage)
      resolve(answer)
    }
    ws.on('message', onMessage)
    ws.send(text)
  })
}

describe('a refused call name', () => {
  it('is quoted cut to 100 characters, not whole', async () => {
    const long = 'N'.repeat(2 * 1024 * 1024)
    const text = `{"id":"x6","name":"design:load","name":"${long}","request":{}}`
    const answer = await rawCall(ctx.provider, text)
    expect(answer.length).toBeLessThan(1000)
    const m = JSON.parse(answer) as { id: string; result: { error: { message: string } } }
    expect(m.id).toBe('x6')
    expect(m.result.error.message).toContain(`"${'N'.repeat(100)}…" messages may be at most 1 MiB`)
    expect(m.result.error.message).not.toContain('N'.repeat(101))
    expect(ctx.host.exited()).toBeUndefined()
  })
})
