// From source (tsx, vitest): registers tsx in the worker thread, then loads report-worker.ts.
import { register } from 'tsx/esm/api'

register()
const mod = await import(new URL('./report-worker.ts', import.meta.url).href)
export default mod.default
