// From source (tsx, vitest): registers tsx in the worker thread, then loads import-worker.ts.
import { register } from 'tsx/esm/api'

register()
const mod = await import(new URL('./import-worker.ts', import.meta.url).href)
export default mod.default
