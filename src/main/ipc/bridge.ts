/**
 * Electron IPC wired from the contract: one `invoke` channel for every call, one push
 * channel for events. The session of a call is the one bound to the sending window in
 * main; the renderer cannot claim another.
 */
import { ipcMain, type WebContents } from 'electron'
import { WIRE, fail, type SessionInfo } from '../../shared/contract'
import type { Services } from '../services'

export interface WindowSessions {
  bind: (contents: WebContents, session: SessionInfo) => void
}

/** Each window is its own caller: the work it starts (a report job) is its own. */
const callerOf = (contentsId: number): string => `window-${contentsId}`

export function wireIpc(services: Services): WindowSessions {
  const sessions = new Map<number, SessionInfo>()
  ipcMain.handle(WIRE.call, async (event, name: unknown, request: unknown) => {
    const session = sessions.get(event.sender.id)
    if (!session) return fail('unauthorized', 'this window has no Strata session')
    return services.dispatch(session, name, request, callerOf(event.sender.id))
  })
  return {
    bind(contents, session) {
      sessions.set(contents.id, session)
      const unsubscribe = services.ctx.hub.subscribe(
        session,
        (name, payload) => {
          if (!contents.isDestroyed()) contents.send(WIRE.event, name, payload)
        },
        callerOf(contents.id),
      )
      contents.once('destroyed', () => {
        unsubscribe()
        sessions.delete(contents.id)
      })
    },
  }
}
