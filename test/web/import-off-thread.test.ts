/**
 * A big NetBox import does not hold the web host (closing note s9: a CSV of up to 100,000 rows
 * parsed on main's thread, seconds in which no other socket was answered). The host runs in a
 * child process; a provider socket imports a 100,000-row CSV while a second provider socket
 * asks `app:info` once the import has been sent. On the second socket, in the host's own send
 * order, the answer comes before the `design:changed` the import pushes (before, the whole
 * conversion ran first and the answer came after it). The wait is measured and printed, not
 * asserted (the machine is shared).
 */
import { describe, expect, it, vi } from 'vitest'
import type WebSocket from 'ws'
import { wsCall, wsConnect } from './helpers'
import { useProviderHost } from './provider-host'

const ctx = useProviderHost('strata-import-thread-')
const api = (token: string) =>
  `${ctx.host.origin.replace('http', 'ws')}/api?token=${encodeURIComponent(token)}`

const ROWS = 100_000

/** A NetBox device export of `rows` servers, 40 to a rack (the columns NetBox exports). */
function netboxCsv(rows: number): string {
  const lines = [
    'name,role,manufacturer,device_type,site,location,rack,position,face,status,platform,' +
      'cf_sockets,cf_cores_per_socket,cf_mips_per_core,cf_memory_mib,cf_disk_gib,cf_nic_gbps',
  ]
  for (let i = 0; i < rows; i++)
    lines.push(
      `h${i},server,Generic,x,Hall A,,R${Math.floor(i / 40)},${(i % 40) + 1},front,active,kvm,` +
        '2,16,2600,262144,1920,25',
    )
  return lines.join('\n')
}

/** Resolves when `ws` has handed everything it was given to the kernel. */
const flushed = (ws: WebSocket): Promise<void> =>
  new Promise((resolve) => {
    const check = () => (ws.bufferedAmount === 0 ? resolve() : setTimeout(check, 5))
    check()
  })

describe('a 100,000-row NetBox import', () => {
  it('converts off main thread: another socket is answered before the import', async () => {
    const other = await wsConnect(api(ctx.host.providerToken))
    // what the second socket receives, in the host's send order
    const order: string[] = []
    other.on('message', (data) => {
      const m = JSON.parse(String(data)) as { type: string; event?: string; id?: unknown }
      if (m.type === 'strata:call') order.push(`answer:${String(m.id)}`)
      else if (m.event === 'design:changed') order.push('design:changed')
    })
    const sentAt = Date.now()
    const imported = wsCall(ctx.provider, 'import', 'files:import', {
      format: 'netbox-csv',
      contents: netboxCsv(ROWS),
      mode: 'new',
      discardChanges: true,
    })
    await flushed(ctx.provider)
    // give the host time to read the whole message and start converting it
    await new Promise((resolve) => setTimeout(resolve, 300))
    const asked = Date.now()
    const info = await wsCall(other, 'info', 'app:info', {})
    const waitMs = Date.now() - asked
    const result = await imported
    const importMs = Date.now() - sentAt
    console.log(`app:info waited ${waitMs} ms during a ${ROWS}-row import that took ${importMs} ms`)
    expect(info.ok).toBe(true)
    expect(result.ok ? 'ok' : result.error?.message).toBe('ok')
    expect((result.value as { counts: Record<string, number> }).counts.host).toBe(ROWS)
    // the import's answer on its own socket can arrive before the event on this one
    await vi.waitFor(() => expect(order).toContain('design:changed'), { timeout: 30_000 })
    expect(order).toEqual(['answer:info', 'design:changed'])
    other.close()
  }, 240_000)
})
