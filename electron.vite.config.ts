import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'
import { hashEngineSources } from './src/main/services/experiments/engine-hash'

/** Main-process bundles: the Electron entry, the CLI (also the web host), the simulation, experiment, report and import workers. */
const mainInputs: Record<string, string> = {
  index: resolve('src/main/index.ts'),
  cli: resolve('src/main/cli/index.ts'),
}
const worker = resolve('src/main/services/simulation/worker.ts')
if (existsSync(worker)) mainInputs['simulation-worker'] = worker
const experimentWorker = resolve('src/main/services/experiments/pool-worker.ts')
if (existsSync(experimentWorker)) mainInputs['experiment-worker'] = experimentWorker
const reportWorker = resolve('src/main/services/reports/report-worker.ts')
if (existsSync(reportWorker)) mainInputs['report-worker'] = reportWorker
const importWorker = resolve('src/main/services/files/import-worker.ts')
if (existsSync(importWorker)) mainInputs['import-worker'] = importWorker

export default defineConfig({
  main: {
    // Experiment run ids carry the engine's source hash (engine-hash.ts); the bundle has no sources.
    define: {
      __STRATA_ENGINE_HASH__: JSON.stringify(hashEngineSources(resolve('src/main/engine'))),
    },
    build: {
      rollupOptions: { input: mainInputs },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [vue()],
    build: {
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
})
