/** Number formatting for the tenant panels. */

const plain = new Intl.NumberFormat('en', { maximumFractionDigits: 2 })

export function num(value: number | undefined): string {
  return value === undefined ? '—' : plain.format(value)
}

/** An amount in a currency; `rate` keeps up to 4 decimals (prices per unit are small). */
export function money(value: number, currency: string, rate = false): string {
  try {
    return new Intl.NumberFormat('en', {
      style: 'currency',
      currency,
      maximumFractionDigits: rate ? 4 : 2,
    }).format(value)
  } catch {
    return `${plain.format(value)} ${currency}`
  }
}

export function percent(value: number | undefined, digits = 3): string {
  return value === undefined ? '—' : `${value.toFixed(digits)} %`
}

/** A period in seconds as hours or days. */
export function period(seconds: number): string {
  return seconds >= 172_800
    ? `${plain.format(seconds / 86_400)} days`
    : `${plain.format(seconds / 3600)} h`
}

const QUOTA_LABELS: Record<string, string> = {
  instances: 'Instances',
  vcpus: 'vCPUs',
  memoryMiB: 'Memory (MiB)',
  diskGiB: 'Disk (GiB)',
}
export const quotaLabel = (resource: string): string => QUOTA_LABELS[resource] ?? resource

const BILL_LABELS: Record<string, string> = {
  'vcpu-hours': 'vCPU-hours',
  'memory-gib-hours': 'Memory GiB-hours',
  'storage-gib-months': 'Storage GiB-months',
  'provisioned-iops-months': 'Provisioned IOPS-months',
  'network-gb': 'Network GB sent',
}
export const billLabel = (item: string): string => BILL_LABELS[item] ?? item

const SCALES: ReadonlyArray<[number, string]> = [
  [1e15, 'quadrillion'],
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
]

/** Million instructions (MI) in words: `301,681,315 MI` -> `301.68 trillion instructions`. */
export function instructions(mi: number): string {
  const n = mi * 1e6
  const [scale, word] = SCALES.find(([s]) => Math.abs(n) >= s) ?? [1, '']
  return `${plain.format(n / scale)}${word ? ` ${word}` : ''} instructions`
}

/**
 * The lost CPU's two parts, each as a share of the CPU asked for: contention (co-resident load
 * and migrations took the host's capacity) and interference (allocated but wasted by busy
 * neighbours), as the report splits them. `''` when the run did not say.
 */
export function lostCpuParts(sla: {
  stealCpuMi?: number
  interferenceLostCpuMi?: number
  requestedCpuMi?: number
}): string {
  const { stealCpuMi: lost, interferenceLostCpuMi: interference, requestedCpuMi: asked } = sla
  if (lost === undefined || interference === undefined || !asked) return ''
  const contention = Math.max(0, lost - interference)
  return `contention ${percent((100 * contention) / asked, 2)} · interference ${percent((100 * interference) / asked, 2)}`
}

/**
 * All CPU a tenant asked for and did not get (contention + interference), readably: as vCPU-hours when the run kept its instances'
 * records (`stealVcpuHours`), else as a count of instructions; with its share of what it asked.
 */
export function lostCpu(sla: {
  stealCpuMi?: number
  stealVcpuHours?: number
  lostCpuFraction?: number
}): string {
  if (sla.stealCpuMi === undefined) return '—'
  const amount =
    sla.stealVcpuHours !== undefined
      ? `${plain.format(sla.stealVcpuHours)} vCPU-hours`
      : instructions(sla.stealCpuMi)
  return sla.lostCpuFraction === undefined
    ? amount
    : `${amount} (${percent(sla.lostCpuFraction * 100, 2)} of the CPU asked for)`
}
