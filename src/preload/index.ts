/**
 * The preload: exposes the contract to the renderer as `window.strata` and nothing else.
 * Calls are checked against the contract's names here and validated again in main.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { CALLS, EVENT_NAMES, WIRE } from '../shared/contract'

const callNames = new Set<string>(Object.keys(CALLS))
const eventNames = new Set<string>(EVENT_NAMES)

contextBridge.exposeInMainWorld('strata', {
  call(name: string, request: unknown): Promise<unknown> {
    if (!callNames.has(name))
      return Promise.resolve({
        ok: false,
        error: { code: 'unknown-call', message: `no call named ${name}` },
      })
    return ipcRenderer.invoke(WIRE.call, name, request)
  },
  on(event: string, listener: (payload: unknown) => void): () => void {
    if (!eventNames.has(event)) return () => undefined
    const handler = (_e: IpcRendererEvent, name: string, payload: unknown): void => {
      if (name === event) listener(payload)
    }
    ipcRenderer.on(WIRE.event, handler)
    return () => ipcRenderer.removeListener(WIRE.event, handler)
  },
})
