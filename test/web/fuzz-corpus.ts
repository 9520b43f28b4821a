/**
 * Contract messages for the web host fuzz test: a well-formed request for every call, and
 * seeded mutations of them (wrong types, missing and extra fields, odd values, garbage text).
 * Paths in `files:` requests only ever point into the test's own folder (which holds its own
 * FIFO and its own zero device), so the fuzzer cannot read or write anything outside it.
 */
import { CALLS, CALL_NAMES } from '../../src/shared/contract'

/** A small seeded generator (mulberry32): the same seed, the same messages. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export type Rng = () => number
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T

const ODD_VALUES: unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  2 ** 53,
  -(2 ** 31),
  1e308,
  '',
  ' ',
  'x'.repeat(5000),
  '\u0000\uffff\ud800',
  '=HYPERLINK("http://evil")',
  '../../strata-fuzz-traversal',
  '__proto__',
  'constructor',
  [],
  [1, 'a', null],
  {},
  { __proto__: { polluted: 1 } },
  { toString: 'x', valueOf: 1 },
]

/** Well-formed requests per call, for a design like the two-hall sample. */
export function validRequests(dir: string): Record<string, unknown[]> {
  const safe = `${dir}/fuzz-saved.strata.json`
  return {
    'app:info': [{}],
    'design:get': [{}],
    'design:validate': [{}],
    'design:apply': [
      { command: { type: 'move', moves: [{ id: 'kvm-1', position: { x: 10, y: 20 } }] } },
      { command: { type: 'update', id: 'w-acme-web', patch: { name: 'web =1+1' } } },
      { command: { type: 'set-meta', patch: { name: '@fuzzed' } } },
      { command: { type: 'remove', ids: ['w-initech-ci'] } },
      { command: { type: 'add', kind: 'zone', entity: { id: 'zone-fuzz', name: '-fuzz' } } },
      { command: { type: 'connect', sourceId: 'kvm-1', targetId: 'kvm-2' } },
      {
        command: {
          type: 'batch',
          label: 'two',
          commands: [
            { type: 'set-meta', patch: { description: '+x' } },
            { type: 'set-simulation', patch: { seed: 3 } },
          ],
        },
      },
    ],
    'design:undo': [{}],
    'design:redo': [{}],
    'design:new': [{}, { name: 'fuzz' }],
    'design:open-sample': [{ name: 'two-hall' }, { name: 'no-such-sample' }],
    'design:load': [{ document: { schemaVersion: 1 } }, { document: 'nope', fileName: 'x.json' }],
    'scheduler:place': [{}, { preset: 'spread' }, { seed: 7 }],
    'scheduler:place-digest': [{}, { preset: 'pack' }],
    'scheduler:explain': [{ instanceId: 'w-acme-web#0' }, { instanceId: 'w-globex-hpc#1' }],
    'scheduler:evacuate': [{ hostId: 'kvm-1', dryRun: true }],
    'scheduler:last': [{}],
    'scheduler:last-digest': [{}],
    'simulation:start': [{ horizonS: 3600 }, { horizonS: 600, hostSeries: false, seed: 1 }],
    'simulation:pause': [{ runId: 'run-1' }],
    'simulation:resume': [{ runId: 'run-1' }],
    'simulation:step': [{ runId: 'run-1' }, { runId: 'run-2' }],
    'simulation:cancel': [{ runId: 'run-1' }, { runId: 'run-2' }],
    'simulation:get': [{}, { runId: 'run-1' }, { runId: 'run-1', lean: true }],
    'simulation:list': [{}],
    'simulation:host-series': [{ hostIds: ['h-1'] }, { runId: 'run-1', hostIds: ['h-1', 'h-2'] }],
    'tenancy:view': [{ tenantId: 't-acme' }, { tenantId: 't-globex' }, {}],
    'tenancy:list': [{}],
    'stack:host': [{ hostId: 'kvm-1' }, { hostId: 'no-such-host' }],
    'stack:tenant': [{ tenantId: 't-globex' }, { tenantId: 't-acme' }, {}],
    'tenancy:mint-token': [{ tenantId: 't-initech' }],
    'tenancy:open-window': [{ tenantId: 't-acme' }],
    'tenancy:tokens': [{}],
    'tenancy:revoke-token': [{ id: 'tok-unknown' }],
    'files:open': [
      { path: `${dir}/missing.strata.json`, discardChanges: true },
      { path: dir, discardChanges: true },
      { path: `${dir}/zero`, discardChanges: true },
      { path: `${dir}/fifo.strata.json`, discardChanges: true },
      { contents: '{"schemaVersion":1}', name: 'x.strata.json', discardChanges: true },
      { contents: 'e30=', encoding: 'base64', discardChanges: true },
    ],
    'files:save': [{}],
    'files:save-as': [{ path: safe }, {}],
    'files:recent': [{}],
    'files:recovery': [{}],
    'files:recover': [{ id: '1-1', discardChanges: true }],
    'files:discard-recovery': [{ id: '1-1' }],
    'files:import': [
      { format: 'netbox-csv', contents: 'name,role\n=cmd,server\n', mode: 'merge' },
      { format: 'opendc', contents: '{}', discardChanges: true },
    ],
    'files:export': [{ format: 'strata' }, { format: 'netbox-csv' }, { format: 'opendc' }],
    'reports:export': [{ format: 'csv' }, { format: 'html', tenantId: 't-acme' }],
    'reports:cancel': [{ jobId: 'report-x' }],
    'experiments:start': [
      { vary: { 'simulation.seed': [1] }, repeat: 1, workers: 1 },
      { specPath: `${dir}/missing.strata-experiment.json` },
    ],
    'experiments:cancel': [{ experimentId: 'x' }],
    'experiments:list': [{}],
    'experiments:results': [{ experimentId: 'x' }],
    'experiments:run': [{ experimentId: 'x', runId: 'y' }],
    'experiments:series': [{ experimentId: 'x', runIds: ['a', 'b'] }],
    'experiments:open-run': [{ experimentId: 'x', runId: 'y', discardChanges: true }],
  }
}

/**
 * Values a mutated `path` may take: only inside the test's own folder. (Never the machine's
 * devices: a save to one, as root, with a save that does not check, replaced /dev/null.)
 */
function safePath(rng: Rng, dir: string): unknown {
  return pick(rng, [
    `${dir}/fuzz-${Math.floor(rng() * 5)}.strata.json`,
    `${dir}/fifo.strata.json`,
    `${dir}/zero`,
    dir,
    '',
    5,
    null,
  ])
}

function mutateValue(rng: Rng, value: unknown, dir: string, key: string, depth: number): unknown {
  if (key === 'path') return safePath(rng, dir)
  if (typeof value === 'object' && value !== null && depth < 6 && rng() < 0.6) {
    if (Array.isArray(value)) {
      const copy = [...value]
      if (copy.length > 0 && rng() < 0.7) {
        const i = Math.floor(rng() * copy.length)
        copy[i] = mutateValue(rng, copy[i], dir, '', depth + 1)
      } else copy.push(pick(rng, ODD_VALUES))
      return copy
    }
    return mutateObject(rng, value as Record<string, unknown>, dir, depth + 1)
  }
  return pick(rng, ODD_VALUES)
}

function mutateObject(
  rng: Rng,
  object: Record<string, unknown>,
  dir: string,
  depth: number,
): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...object }
  const keys = Object.keys(copy)
  const r = rng()
  if (keys.length > 0 && r < 0.6) {
    const key = pick(rng, keys)
    copy[key] = mutateValue(rng, copy[key], dir, key, depth)
  } else if (keys.length > 0 && r < 0.8) delete copy[pick(rng, keys)]
  else {
    const key = pick(rng, ['extra', 'jobId', 'tenantId', 'path', '__proto__'])
    copy[key] = key === 'path' ? safePath(rng, dir) : pick(rng, ODD_VALUES)
  }
  return copy
}

/** Garbage that is not an envelope at all. */
function garbage(rng: Rng): string {
  return pick(rng, [
    'null',
    '[]',
    '{}',
    '"x"',
    '1e999',
    '{"id":1',
    '{"id":1,"name":"design:get","request":{}}}',
    JSON.stringify({ id: {}, name: 'app:info' }),
    JSON.stringify({ id: 1, name: 'app:info', request: 'x' }),
    '['.repeat(200) + ']'.repeat(200),
    '\u0000',
    'x'.repeat(1000),
  ])
}

export interface FuzzMessage {
  text: string
  /** The call it is built on ('' for garbage). */
  call: string
  kind: 'valid' | 'mutated' | 'wrong-name' | 'garbage'
}

/**
 * How often each call is chosen, relative to 1: the ones that run a whole placement,
 * simulation or report are rarer, so the run stays short while still reaching them.
 */
const WEIGHT: Record<string, number> = {
  'reports:export': 0.04,
  'experiments:start': 0.04,
  'simulation:start': 0.2,
  'scheduler:place': 0.3,
  'scheduler:place-digest': 0.3,
  'scheduler:evacuate': 0.3,
}

function pickCall(rng: Rng, tenant: boolean): string {
  // A tenant mostly tries what it may call (and sometimes what it may not).
  const names = (CALL_NAMES as readonly string[]).filter(
    (n) => !tenant || rng() < 0.15 || CALLS[n as keyof typeof CALLS] === 'any',
  )
  const total = names.reduce((s, n) => s + (WEIGHT[n] ?? 1), 0)
  let r = rng() * total
  for (const n of names) {
    r -= WEIGHT[n] ?? 1
    if (r <= 0) return n
  }
  return names[names.length - 1] as string
}

const corpusByDir = new Map<string, Record<string, unknown[]>>()

/** The next message of the stream: 60 % valid, 30 % mutated, the rest wrong names and garbage. */
export function nextMessage(rng: Rng, id: number, dir: string, tenant = false): FuzzMessage {
  let corpus = corpusByDir.get(dir)
  if (!corpus) corpusByDir.set(dir, (corpus = validRequests(dir)))
  const call = pickCall(rng, tenant)
  const request = pick(rng, corpus[call] ?? [{}])
  const r = rng()
  if (r < 0.6) return { text: JSON.stringify({ id, name: call, request }), call, kind: 'valid' }
  if (r < 0.9) {
    const mutated = mutateObject(rng, request as Record<string, unknown>, dir, 0)
    return { text: JSON.stringify({ id, name: call, request: mutated }), call, kind: 'mutated' }
  }
  if (r < 0.95) {
    const name = pick(rng, [call.toUpperCase(), `${call}:x`, call.split(':')[0], 'hasOwnProperty'])
    return { text: JSON.stringify({ id, name, request }), call, kind: 'wrong-name' }
  }
  return { text: garbage(rng), call: '', kind: 'garbage' }
}
