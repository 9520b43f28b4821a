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
}
export const billLabel = (item: string): string => BILL_LABELS[item] ?? item
