/**
 * What the report-pool host tests share: a design whose report runs far longer than a test
 * waits (a month of 400 hosts), and polling the host's stats until its jobs and threads reach a
 * state.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Design } from '../../src/shared/design/schema'
import { slowReportDesign } from '../support/services/slow-report-design'
import type { ChildHost } from './helpers'

export type HostStats = Awaited<ReturnType<ChildHost['stats']>>

/** Writes the slow design to `dir/slow.strata.json`; its 2 tenants are `design.tenants`. */
export function writeSlowDesign(dir: string): { design: Design; path: string } {
  const design = slowReportDesign()
  const path = join(dir, 'slow.strata.json')
  writeFileSync(path, JSON.stringify(design))
  return { design, path }
}

/** Polls `host`'s stats until `done` holds (at most `tries` times, 250 ms apart). */
export async function statsUntil(
  host: ChildHost,
  done: (s: HostStats) => boolean,
  tries = 480,
): Promise<HostStats> {
  let stats = await host.stats()
  for (let i = 0; i < tries && !done(stats); i++) {
    await new Promise((resolve) => setTimeout(resolve, 250))
    stats = await host.stats()
  }
  return stats
}
