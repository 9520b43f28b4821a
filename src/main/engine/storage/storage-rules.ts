/**
 * Design rules of the storage model (issue 17), run with every other rule by the validator:
 * each problem names its JSON path.
 */
import type { Design } from '../../../shared/design/schema'

type Report = (path: string, message: string, elementId?: string) => void

/** Checks the storage model's fields of `design`; reports errors and warnings. */
export function checkStorageRules(design: Design, err: Report, warn: Report): void {
  design.storage.forEach((s, i) => {
    const p = `storage[${i}]`
    if (s.idlePowerW !== undefined && s.loadPowerW !== undefined && s.loadPowerW < s.idlePowerW)
      warn(`${p}.loadPowerW`, 'power at full load is below power at idle', s.id)
    if (s.loadPowerW !== undefined && s.idlePowerW === undefined)
      err(`${p}.idlePowerW`, 'power at full load is given but not power at idle', s.id)
    if (s.erasureCoding && s.replication > 1)
      warn(
        `${p}.erasureCoding`,
        'both replication and an erasure code; the erasure code sets the write cost',
        s.id,
      )
  })
  design.workloads.forEach((w, i) => {
    const d = w.storageDemand
    if (!d) return
    if (!w.storageClass && (d.peakIops > 0 || d.peakThroughputMBps > 0))
      warn(
        `workloads[${i}].storageDemand`,
        'storage demand without a storageClass: no storage system holds its volume, so it is ignored',
        w.id,
      )
    if (d.profile && d.trace)
      warn(
        `workloads[${i}].storageDemand.trace`,
        'both a profile and a trace; the trace is used',
        w.id,
      )
  })
}
