/**
 * Unwritten repeated state entries (issue 15: the time advance at datacenter scale). Between
 * two scheduling instants (general model, demand held per sample), a host whose instances have
 * not changed gets, at every processing pass, the same instance state entries again
 * (`datacenter.ts`, `repeatUpdate`). Writing them is the cost of a pass over every instance of
 * the datacenter, at every migration-completion instant. Instead the host records the passes it
 * repeated (an interval of `timesS`), and its instances' entries are written later, all at
 * once (`repeatVmEntries`, the very same arithmetic in the same order per instance), before
 * anything else reads or writes them:
 *
 * - the host's next full update (`updateHost`) and any change of its entries (`createOn`,
 *   `removeEntryAt` call `SimState.catchUp`, which the run sets; without it nothing lags);
 * - every event other than a processing instant or a migration completion (`catchUpAll`, from
 *   the run loop), and the end of the run.
 *
 * Host entries and energy stay eager, so run-wide sums keep their order. The instants of
 * passes are kept only while some host lags (at most the passes of one step).
 */
import { repeatVmEntries, type Metrics } from './metrics'
import type { HostEntries, SimState } from './state'

/** The repeated passes each host has not written for its instances yet. */
export interface EntryLag {
  /** Instants (s) of the processing passes since the oldest open lag, increasing. */
  timesS: number[]
  /** Per host: index in `timesS` of its first unwritten pass, -1 when nothing is unwritten. */
  from: Int32Array
  /** Per host: one past the index of its last unwritten pass. */
  to: Int32Array
  /** Per host: the instant its instances' pending entries carry (their last written update), s. */
  baseS: Float64Array
  /** Hosts that started lagging since the last `catchUpAll` (may hold caught-up hosts). */
  hosts: number[]
  /** Number of hosts lagging now. */
  count: number
}

/** No lag, for `hostCount` hosts. */
export function createEntryLag(hostCount: number): EntryLag {
  return {
    timesS: [],
    from: new Int32Array(hostCount).fill(-1),
    to: new Int32Array(hostCount),
    baseS: new Float64Array(hostCount),
    hosts: [],
    count: 0,
  }
}

/** Whether host `h`'s instance entries lag. */
export function lagging(lag: EntryLag, h: number): boolean {
  return (lag.from[h] as number) >= 0
}

/**
 * The index of processing pass `tS` in `timesS` (appended when new). Starts a fresh log when
 * no host lags, so the log never holds more than the passes of open lags.
 */
export function passIndex(lag: EntryLag, tS: number): number {
  if (lag.count === 0) {
    lag.timesS.length = 0
    lag.hosts.length = 0
  }
  const n = lag.timesS.length
  if (n > 0 && lag.timesS[n - 1] === tS) return n - 1
  lag.timesS.push(tS)
  return n
}

/**
 * Records that host `h` repeated its instances' entries at pass `j` without writing them.
 * `entriesS` is the instant those pending entries carry. Returns false when the pass does not
 * extend the host's lag (the caller then writes the entries itself after `catchUpHost`).
 */
export function noteRepeat(lag: EntryLag, h: number, j: number, entriesS: number): boolean {
  const from = lag.from[h] as number
  if (from < 0) {
    lag.from[h] = j
    lag.to[h] = j + 1
    lag.baseS[h] = entriesS
    lag.hosts.push(h)
    lag.count++
    return true
  }
  if (lag.to[h] !== j) return false
  lag.to[h] = j + 1
  return true
}

/** Writes host `h`'s unwritten instance entries (nothing when it does not lag). */
export function catchUpHost(s: SimState, m: Metrics, h: number): void {
  const lag = s.lag
  const from = lag.from[h] as number
  if (from < 0) return
  const e = s.entries[h] as HostEntries
  const to = lag.to[h] as number
  for (let i = 0; i < e.vm.length; i++)
    if (e.migIn[i] !== 1) repeatVmEntries(m, e.vm[i] as number, lag.timesS, from, to)
  lag.from[h] = -1
  lag.count--
}

/** Writes every host's unwritten instance entries. */
export function catchUpAll(s: SimState, m: Metrics): void {
  const lag = s.lag
  for (const h of lag.hosts) catchUpHost(s, m, h)
  lag.hosts.length = 0
  lag.timesS.length = 0
}
