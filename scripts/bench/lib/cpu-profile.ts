/**
 * Chromium CPU profiles of bench phases (CDP `Profiler`), for finding what a long task is made
 * of. `profilePhase` starts the sampling profiler, runs the phase, stops it, writes the
 * `.cpuprofile` (open it in Chromium's DevTools) and returns the functions with the most self
 * time. Used by the canvas bench when `STRATA_BENCH_CANVAS_PROFILE=<dir>` is set.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CDPSession } from 'playwright-core'

/** One node of a V8 CPU profile (the subset read here). */
interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

/** A V8 CPU profile as `Profiler.stop` returns it (the subset read here). */
interface CpuProfile {
  nodes: ProfileNode[]
  startTime: number
  endTime: number
  samples?: number[]
  timeDeltas?: number[]
}

/** A function and its self and total (inclusive) time (ms) in a profile. */
export interface HotFunction {
  name: string
  selfMs: number
  totalMs: number
}

const frameName = (n: ProfileNode): string => {
  const f = n.callFrame
  return `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}`
}

/**
 * The `top` functions by self time and the `top` by total time (ms), named
 * `function file:line`; a sample's time is the delta to the next sample.
 */
export function hotFunctions(
  profile: CpuProfile,
  top = 15,
): { self: HotFunction[]; total: HotFunction[] } {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const selfUs = new Map<string, number>()
  const totalUs = new Map<string, number>()
  const samples = profile.samples ?? []
  const deltas = profile.timeDeltas ?? []
  for (let i = 0; i < samples.length; i++) {
    const us = deltas[i + 1] ?? 0
    let id: number | undefined = samples[i]
    const seen = new Set<string>()
    for (let first = true; id !== undefined; id = parent.get(id), first = false) {
      const node = byNode.get(id)
      if (!node) break
      const key = frameName(node)
      if (first) selfUs.set(key, (selfUs.get(key) ?? 0) + us)
      if (!seen.has(key)) totalUs.set(key, (totalUs.get(key) ?? 0) + us)
      seen.add(key)
    }
  }
  const rows = (map: Map<string, number>): HotFunction[] =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name]) => ({
        name,
        selfMs: Math.round((selfUs.get(name) ?? 0) / 1000),
        totalMs: Math.round((totalUs.get(name) ?? 0) / 1000),
      }))
  return { self: rows(selfUs), total: rows(totalUs) }
}

/**
 * Runs `action` under the sampling profiler (1 ms interval) and writes `<dir>/<name>.cpuprofile`.
 * Returns the hottest functions, or [] when `dir` is undefined (then it only runs `action`).
 */
export async function profilePhase(
  cdp: CDPSession,
  dir: string | undefined,
  name: string,
  action: () => Promise<void>,
): Promise<{ self: HotFunction[]; total: HotFunction[] }> {
  if (!dir) {
    await action()
    return { self: [], total: [] }
  }
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 })
  await cdp.send('Profiler.start')
  let failure: unknown
  await action().catch((e: unknown) => (failure = e))
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile))
  if (failure !== undefined) throw failure
  return hotFunctions(profile, 25)
}
