/**
 * For component tests: the REAL services (dispatcher, engine, event hub, every handler) run
 * in-process behind a transport, with JSON round trips like the wire. Tests may reach main;
 * production renderer code may not (the lint wall renderer → main), so this lives in test/.
 */
import type { Transport } from '../../../src/renderer/src/api'
import type { SessionInfo } from '../../../src/shared/contract'
import { startServices, type Services } from '../../../src/main/services'
import { defaultPaths } from '../../../src/main/services/paths'

const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? null)) as T

/** The provider's session, as main binds the provider window or token. */
export const PROVIDER: SessionInfo = { role: 'provider' }

/** Real services and transports onto them. */
export interface RealServices {
  /** A transport bound to the provider's session. */
  transport: Transport
  /** A transport bound to `session`, as main binds a window or a token. */
  transportFor(session: SessionInfo): Transport
  /** The services themselves, for a test that drives them from the provider's side. */
  services: Services
  dispose(): Promise<void>
}

/**
 * Starts the services with the sample design open, the web shell, and autosave and recovery
 * files in `$STRATA_DATA_DIR` (default `test-results/component-data`, never the user's folder).
 */
export function startRealServices(): RealServices {
  process.env.STRATA_DATA_DIR ??= `${process.cwd()}/test-results/component-data`
  const services = startServices({ version: 'test', paths: defaultPaths(), shell: { kind: 'web' } })
  const subscriptions = new Set<() => void>()
  const transportFor = (session: SessionInfo): Transport => ({
    call: async (name, request) => wire(await services.dispatch(session, name, wire(request))),
    on: (event, listener) => {
      const unsubscribe = services.ctx.hub.subscribe(session, (e, payload) => {
        if (e === event) listener(wire(payload))
      })
      subscriptions.add(unsubscribe)
      return () => {
        subscriptions.delete(unsubscribe)
        unsubscribe()
      }
    },
  })
  return {
    transport: transportFor(PROVIDER),
    transportFor,
    services,
    async dispose() {
      // nothing the stopping services still publish reaches a test's stores
      for (const unsubscribe of subscriptions) unsubscribe()
      subscriptions.clear()
      await services.dispose()
    },
  }
}
