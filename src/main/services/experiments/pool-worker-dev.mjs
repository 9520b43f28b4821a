// From source (tsx, vitest): registers tsx in the worker thread, then loads pool-worker.ts.
import { register } from 'tsx/esm/api'

register()
const mod = await import(new URL('./pool-worker.ts', import.meta.url).href)
export default mod.default
export const series = mod.series
