/**
 * A design whose report runs far longer than any test waits: a month (720 h) of 400 hosts in
 * 10 racks, 2 tenants, 3,200 instances, seed 1. The report-pool tests hold threads with it.
 */
import { generateDesign } from '../../../src/main/cli/commands/generate'
import type { Design } from '../../../src/shared/design/schema'

/** The slow design, generated afresh (the same bytes every call). */
export function slowReportDesign(): Design {
  return generateDesign({
    hosts: 400,
    racks: 10,
    tenants: 2,
    instances: 3200,
    seed: 1,
    horizonH: 720,
  })
}
