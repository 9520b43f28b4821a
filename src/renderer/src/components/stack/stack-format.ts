/** Words and figures of the stack view: capacities and overheads as short chips. */
import type { StackCapacity, StackOverhead } from '../../../../shared/contract'

const plain = new Intl.NumberFormat('en', { maximumFractionDigits: 2 })

/** `64 vCPU × 2,000 MIPS · 63,488 MiB` (cores for hardware). */
export function capacityText(c: StackCapacity | undefined, unit = 'vCPU'): string {
  if (!c) return ''
  const cpu = `${plain.format(c.vcpus)} ${unit}${c.mipsPerCore ? ` × ${plain.format(c.mipsPerCore)} MIPS` : ''}`
  return `${cpu} · ${plain.format(c.memoryMiB)} MiB`
}

/** The overheads a layer has, one chip each; none for a layer that costs nothing. */
export function overheadChips(o: StackOverhead): string[] {
  const out: string[] = []
  if (o.cpuPercent > 0) out.push(`CPU +${plain.format(o.cpuPercent)} %`)
  if (o.memoryPerInstanceMiB > 0)
    out.push(`+${plain.format(o.memoryPerInstanceMiB)} MiB per instance`)
  if (o.reservedVcpus > 0) out.push(`keeps ${plain.format(o.reservedVcpus)} vCPU`)
  if (o.reservedMemoryMiB > 0) out.push(`keeps ${plain.format(o.reservedMemoryMiB)} MiB`)
  if (o.ioThroughputFactor !== 1) out.push(`disk ×${plain.format(o.ioThroughputFactor)}`)
  return out
}

const BOUNDARY_TITLES: Record<string, string> = {
  'shared-kernel': 'Shared kernel',
  hypervisor: 'Hypervisor',
  physical: 'Physical',
}
/** `Shared kernel` / `Hypervisor` / `Physical`. */
export const boundaryTitle = (kind: string): string => BOUNDARY_TITLES[kind] ?? kind

/** `interference 0.15`, or nothing for none. */
export const interferenceText = (k: number): string =>
  k > 0 ? `interference ${plain.format(k)}` : 'no interference'
