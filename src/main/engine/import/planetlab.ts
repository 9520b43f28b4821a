/**
 * Builds an ordinary Strata design equal to CloudSim 3.0.3's PlanetLab scenario from trace
 * texts (pure: the caller reads the files). 800 hosts alternating HP ProLiant ML110 G4 /
 * G5 with their SPECpower curves, one VM per trace in the given order with the four VM types
 * in contiguous blocks, 300 s steps over 24 h, `cloudsimCompat: true`, and virtualization
 * overrides set to zero so that Strata adds no overhead of its own.
 */
import { defaultSimulationSettings } from '../../../shared/design/defaults'
import { CURRENT_SCHEMA_VERSION } from '../../../shared/design/enums'
import type { Design, DesignInput } from '../../../shared/design/schema'
import { parseDesign } from '../model/parse'

/** One trace file: its name and its text (one integer percentage per line). */
export interface TraceText {
  name: string
  text: string
}

/** What an import wrote, for its summary line; `warnings` name the file and line. */
export type PlanetLabImport =
  | {
      ok: true
      design: Design
      summary: { traces: number; samples: number; instances: number }
      warnings: string[]
    }
  | { ok: false; message: string }

/** The two host types (CloudSim `Constants`), watts at 0 %, 10 %, ..., 100 %. */
const HOST_TYPES = [
  {
    model: 'HP ProLiant ML110 G4 (Xeon 3040)',
    mipsPerCore: 1860,
    powerCurveW: [86, 89.4, 92.6, 96, 99.5, 102, 106, 108, 112, 114, 117],
  },
  {
    model: 'HP ProLiant ML110 G5 (Xeon 3075)',
    mipsPerCore: 2660,
    powerCurveW: [93.7, 97, 101, 105, 110, 116, 121, 125, 129, 133, 135],
  },
] as const

/** The four VM types (EC2-like), MIPS and RAM in MB. */
const VM_TYPES = [
  { name: 'High-CPU Medium', mips: 2500, memoryMiB: 870 },
  { name: 'Extra Large', mips: 2000, memoryMiB: 1740 },
  { name: 'Small', mips: 1000, memoryMiB: 1740 },
  { name: 'Micro', mips: 500, memoryMiB: 613 },
] as const

const ZERO_OVERRIDES = {
  cpuOverheadPercent: 0,
  memoryOverheadPerInstanceMiB: 0,
  memoryOverheadPercent: 0,
  reservedMemoryMiB: 0,
  reservedCores: 0,
  ioOverheadPercent: 0,
  startTimeS: 0,
  interferenceCoefficient: 0,
}

/** Samples in a PlanetLab trace: 24 h at 300 s. */
export const PLANETLAB_SAMPLES = 288

/**
 * A bad sample as a message shows it: quoted when it is a short number (`"101"`, `"-5"`,
 * `"2.5"`), else only what it is: a line of another kind of file is never echoed (review s9a
 * #7: a trace folder holding a link to /etc/shadow printed its first line).
 */
function badSample(line: string): string {
  return /^[-+]?[\d.eE]{1,12}$/.test(line) ? `"${line}"` : 'text, not a number,'
}

/**
 * Parses one trace text: integers 0..100, one per line, each line one 300 s slot. A blank
 * line before the last value is refused (dropping it would move every later sample 300 s
 * early); blank lines after the last value are ignored. Errors name the file and the line.
 */
export function parseTraceText(t: TraceText): number[] | string {
  const values: number[] = []
  const lines = t.text.split(/\r?\n/)
  let last = lines.length - 1
  while (last >= 0 && (lines[last] as string).trim() === '') last--
  if (last < 0) return `trace "${t.name}" is empty`
  for (let i = 0; i <= last; i++) {
    const line = (lines[i] as string).trim()
    if (line === '')
      return `trace "${t.name}" line ${i + 1} is blank: each line is one 300 s sample, so a blank line cannot be skipped without moving every later sample`
    if (!/^\d+$/.test(line) || Number(line) > 100)
      return `trace "${t.name}" line ${i + 1}: ${badSample(line)} is not an integer percentage 0..100`
    values.push(Number(line))
  }
  return values
}

/** A warning for a trace whose length is not 288 samples (24 h at 300 s), or undefined. */
function lengthWarning(name: string, n: number): string | undefined {
  if (n < PLANETLAB_SAMPLES)
    return `trace "${name}" ends at line ${n}: ${n} samples, fewer than ${PLANETLAB_SAMPLES} (24 h at 300 s); the simulation repeats it from its start after its end`
  if (n > PLANETLAB_SAMPLES)
    return `trace "${name}" has ${n} samples, more than ${PLANETLAB_SAMPLES}; lines ${PLANETLAB_SAMPLES + 1}..${n} fall past the 24 h horizon and are not used`
  return undefined
}

/**
 * The CloudSim PlanetLab design for `traces`, VMs in `order` (trace names; default: the
 * order given). `hostCount` defaults to 800.
 */
export function importPlanetLab(
  traces: readonly TraceText[],
  options: { order?: readonly string[]; name?: string; hostCount?: number } = {},
): PlanetLabImport {
  const byName = new Map(traces.map((t) => [t.name, t]))
  const names = options.order ?? traces.map((t) => t.name)
  if (names.length === 0) return { ok: false, message: 'no traces to import' }
  const seen = new Set<string>()
  for (const n of names) {
    if (!byName.has(n))
      return { ok: false, message: `the order names "${n}", which is not a trace file` }
    if (seen.has(n)) return { ok: false, message: `the order names "${n}" twice` }
    seen.add(n)
  }
  const hostCount = options.hostCount ?? 800
  const block = Math.ceil(names.length / 4)
  const pad = (i: number, w: number): string => String(i).padStart(w, '0')
  const hosts = Array.from({ length: hostCount }, (_, i) => {
    const type = HOST_TYPES[i % 2] as (typeof HOST_TYPES)[number]
    return {
      id: `host-${pad(i, 3)}`,
      name: `${type.model} #${i}`,
      sockets: 1,
      coresPerSocket: 2,
      mipsPerCore: type.mipsPerCore,
      memoryMiB: 4096,
      diskGiB: 1000,
      nicGbps: 1,
      cpuExtensions: 'vt-x' as const,
      powerCurveW: [...type.powerCurveW],
      virtualization: { kind: 'hvm' as const, product: 'kvm' as const, overrides: ZERO_OVERRIDES },
    }
  })
  const traceDocs: NonNullable<DesignInput['traces']> = []
  const warnings: string[] = []
  let samples = 0
  const workloads: NonNullable<DesignInput['workloads']> = []
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string
    const values = parseTraceText(byName.get(name) as TraceText)
    if (typeof values === 'string') return { ok: false, message: values }
    const short = lengthWarning(name, values.length)
    if (short) warnings.push(short)
    samples += values.length
    const vmType = VM_TYPES[Math.floor(i / block)] as (typeof VM_TYPES)[number]
    traceDocs.push({ id: `trace-${pad(i, 4)}`, name, intervalS: 300, cpuPercent: values })
    workloads.push({
      id: `vm-${pad(i, 4)}`,
      tenantId: 'planetlab',
      name: `${vmType.name} (${name})`,
      kind: 'vm',
      count: 1,
      vcpus: 1,
      mipsPerVcpu: vmType.mips,
      memoryMiB: vmType.memoryMiB,
      diskGiB: 2.5,
      guestOs: 'linux',
      reservedBandwidthMbps: 100,
      traceId: `trace-${pad(i, 4)}`,
    })
  }
  const input: DesignInput = {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    meta: {
      name: options.name ?? 'PlanetLab (CloudSim 3.0.3 scenario)',
      description: `${hostCount} hosts, ${names.length} VMs from PlanetLab traces; CloudSim 3.0.3 compatible.`,
    },
    hosts,
    tenants: [{ id: 'planetlab', name: 'PlanetLab', colour: '#1f77b4' }],
    workloads,
    traces: traceDocs,
    // the CloudSim scenario: the default day in 300 s steps, CloudSim's accounting, no interference
    simulation: { ...defaultSimulationSettings(), interference: false, cloudsimCompat: true },
  }
  const parsed = parseDesign(input)
  if (!parsed.ok)
    return {
      ok: false,
      message: `the imported design does not validate: ${JSON.stringify(parsed.problems[0])}`,
    }
  return {
    ok: true,
    design: parsed.value,
    summary: { traces: names.length, samples, instances: names.length },
    warnings,
  }
}
