/**
 * Designs whose results follow from arithmetic alone (issue 10): hosts with linear power
 * curves, no virtualization overhead, no interference, constant or stepped loads. Each builder
 * returns the design and its expected figures, computed here from the inputs with nothing
 * from the engine (the oracle imports only the design's input type).
 */
import type { DesignInput } from '../../src/shared/design/schema'

/** A linear curve from `idleW` at 0 % to `busyW` at 100 % (11 points). */
export function linearCurve(idleW: number, busyW: number): number[] {
  return Array.from({ length: 11 }, (_, k) => idleW + ((busyW - idleW) * k) / 10)
}

/** P(u) of a linear curve. */
export function linearPowerW(idleW: number, busyW: number, u: number): number {
  return idleW + (busyW - idleW) * u
}

export const ZERO_OVERHEADS = {
  cpuOverheadPercent: 0,
  memoryOverheadPerInstanceMiB: 0,
  memoryOverheadPercent: 0,
  reservedMemoryMiB: 0,
  reservedCores: 0,
  ioOverheadPercent: 0,
  startTimeS: 0,
  interferenceCoefficient: 0,
}

export interface HostSpec {
  cores: number
  mipsPerCore: number
  idleW: number
  busyW: number
  state?: 'up' | 'down' | 'maintenance'
}

export function host(
  i: number,
  h: HostSpec,
  startTimeS = 0,
): NonNullable<DesignInput['hosts']>[number] {
  return {
    id: `h${i}`,
    name: `h${i}`,
    sockets: 1,
    coresPerSocket: h.cores,
    mipsPerCore: h.mipsPerCore,
    memoryMiB: 65_536,
    diskGiB: 1000,
    nicGbps: 10,
    cpuExtensions: 'vt-x',
    powerCurveW: linearCurve(h.idleW, h.busyW),
    state: h.state ?? 'up',
    virtualization: {
      kind: 'hvm',
      product: 'kvm',
      hostOs: 'linux',
      overrides: { ...ZERO_OVERHEADS, startTimeS },
    },
  }
}

export interface Rates {
  basis: 'allocated' | 'used'
  currency?: string
  vcpuHour: number
  memoryGiBHour: number
  storageGiBMonth: number
}

export function tenant(id: string, r: Rates): NonNullable<DesignInput['tenants']>[number] {
  return {
    id,
    name: id,
    colour: '#1f77b4',
    pricing: {
      basis: r.basis,
      currency: r.currency ?? 'USD',
      vcpuHour: r.vcpuHour,
      memoryGiBHour: r.memoryGiBHour,
      storageGiBMonth: r.storageGiBMonth,
    },
  }
}

export interface VmSpec {
  vcpus: number
  mipsPerVcpu: number
  memoryMiB: number
  diskGiB: number
  percent: number
}

export function vm(
  i: number,
  tenantId: string,
  w: VmSpec,
): NonNullable<DesignInput['workloads']>[number] {
  return {
    id: `w${i}`,
    tenantId,
    name: `w${i}`,
    kind: 'vm',
    count: 1,
    vcpus: w.vcpus,
    mipsPerVcpu: w.mipsPerVcpu,
    memoryMiB: w.memoryMiB,
    diskGiB: w.diskGiB,
    guestOs: 'linux',
    demand: { profile: 'constant', meanPercent: w.percent },
  }
}

export function design(
  name: string,
  parts: Pick<DesignInput, 'hosts' | 'tenants' | 'workloads'> & Partial<DesignInput>,
  sim: { horizonS: number; stepS: number; switchOffIdleHosts: boolean; policy?: string },
): DesignInput {
  return {
    schemaVersion: 2,
    meta: { name },
    ...parts,
    simulation: {
      seed: 1,
      policy: sim.policy ?? 'dvfs',
      horizonS: sim.horizonS,
      stepS: sim.stepS,
      switchOffIdleHosts: sim.switchOffIdleHosts,
      interference: false,
      cloudsimCompat: false,
      ...(parts.simulation ?? {}),
    },
  }
}

/** 30-day month of the storage rate, seconds. */
export const MONTH_S = 30 * 86_400

/** A deterministic generator (mulberry32) for the seeded designs; test-side only. */
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
