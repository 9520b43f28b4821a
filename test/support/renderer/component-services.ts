/**
 * The set-up every component and store test against the real services repeats: before each
 * test, real services behind the renderer's transport, a fresh Pinia, optionally a named sample
 * opened through the contract, and the design store started; after each, an optional clean-up
 * (e.g. stopping a store's subscriptions), then the services disposed.
 */
import { afterEach, beforeEach } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { api, setTransport } from '../../../src/renderer/src/api'
import { useDesignStore } from '../../../src/renderer/src/stores/design'
import { startRealServices, type RealServices } from './real-services'

/** What a test file's set-up adds to the common one. */
export interface RealServicesOptions {
  /** A sample to open (`design:open-sample`) before the design store starts. */
  sample?: string
  /** Runs after each test, before the services are disposed. */
  beforeDispose?: () => void
}

/**
 * Registers the hooks in the calling test file (call it at the top level or in a `describe`).
 * Returns a getter for the current test's services. Throws (failing the test) when the sample
 * does not open.
 */
export function useRealServicesPerTest(options: RealServicesOptions = {}): () => RealServices {
  let services: RealServices | undefined
  beforeEach(async () => {
    services = startRealServices()
    setTransport(services.transport)
    setActivePinia(createPinia())
    if (options.sample !== undefined) {
      const opened = await api.call('design:open-sample', { name: options.sample })
      if (!opened.ok) throw new Error(opened.error.message)
    }
    await useDesignStore().start()
  })
  afterEach(async () => {
    options.beforeDispose?.()
    await services?.dispose()
    services = undefined
  })
  return () => {
    if (!services) throw new Error('the real services exist only inside a test')
    return services
  }
}
