/**
 * For component tests: the REAL services (dispatcher, engine, event hub, every handler) run
 * in-process behind a transport, with JSON round trips like the wire. Loaded by path at run
 * time so the renderer's typecheck (DOM, no Node types) does not follow into main's code.
 */
import type { Transport } from '../../api'
import type { EventName, Result, SessionInfo } from '../../../../shared/contract'

interface ServicesLike {
  ctx: {
    hub: {
      subscribe(
        session: SessionInfo,
        sink: (event: EventName, payload: unknown) => void,
      ): () => void
    }
  }
  dispatch(session: SessionInfo, name: unknown, request: unknown): Promise<Result<unknown>>
  dispose(): Promise<void>
}

const SERVICES = '../../../../main/services/index.ts'
const PATHS = '../../../../main/services/paths.ts'

const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? null)) as T

export interface RealServices {
  transport: Transport
  dispose(): Promise<void>
}

export async function startRealServices(): Promise<RealServices> {
  const proc = (
    globalThis as unknown as { process: { env: Record<string, string | undefined>; cwd(): string } }
  ).process
  proc.env.STRATA_DATA_DIR ??= `${proc.cwd()}/test-results/component-data`
  const { startServices } = (await import(/* @vite-ignore */ SERVICES)) as {
    startServices(options: unknown): ServicesLike
  }
  const { defaultPaths } = (await import(/* @vite-ignore */ PATHS)) as {
    defaultPaths(): unknown
  }
  const services = startServices({ version: 'test', paths: defaultPaths(), shell: { kind: 'web' } })
  const provider: SessionInfo = { role: 'provider' }
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const unsubscribe = services.ctx.hub.subscribe(provider, (event, payload) => {
    for (const listener of listeners.get(event) ?? []) listener(wire(payload))
  })
  const transport: Transport = {
    async call(name, request) {
      return wire(await services.dispatch(provider, name, wire(request)))
    },
    on(event, listener) {
      let set = listeners.get(event)
      if (!set) listeners.set(event, (set = new Set()))
      set.add(listener)
      return () => set.delete(listener)
    },
  }
  return {
    transport,
    async dispose() {
      unsubscribe()
      await services.dispose()
    },
  }
}
