/** Electron bootstrap only. */
import { runElectronApp } from './app/main'

runElectronApp().catch((error: unknown) => {
  console.error('Strata failed to start:', error)
  process.exit(1)
})
