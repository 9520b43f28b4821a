/**
 * The set-up every component test against the real services repeats: before each test, real
 * services behind the renderer's transport, a fresh Pinia and the design store started on the
 * sample; after each, the services disposed.
 */
import { afterEach, beforeEach } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { setTransport } from '../../../src/renderer/src/api'
import { useDesignStore } from '../../../src/renderer/src/stores/design'
import { startRealServices, type RealServices } from './real-services'

/**
 * Registers the hooks in the calling test file (call it at the top level or in a `describe`).
 * Returns a getter for the current test's services.
 */
export function useRealServicesPerTest(): () => RealServices {
  let services: RealServices | undefined
  beforeEach(async () => {
    services = startRealServices()
    setTransport(services.transport)
    setActivePinia(createPinia())
    await useDesignStore().start()
  })
  afterEach(async () => {
    await services?.dispose()
    services = undefined
  })
  return () => {
    if (!services) throw new Error('the real services exist only inside a test')
    return services
  }
}
