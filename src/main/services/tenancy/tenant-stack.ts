/**
 * A tenant's stack view (issue 18): the provider's host stacks cut down to what the tenant
 * view already allows. One column per zone of the tenant's view (same pseudonyms, same
 * order), holding only the tenant's own machines and the instances inside them. Below them
 * the provider's host is one opaque layer (the hypervisor or shared kernel its own instances
 * need, no product, no hardware, no per-VM charge) unless the tenant may see host names; then
 * the host's hypervisor layer shows, still without the hardware's size. The boundary to
 * other tenants follows the tenant's own isolation policy, never who else is on the host.
 */
import type { PlacedInstance } from '../../../shared/domain/placement'
import type { Design } from '../../../shared/design/schema'
import type {
  StackColumn,
  StackMachine,
  StackView,
  StackViewLayer,
} from '../../../shared/domain/stack-view'
import type { TenantView } from '../../../shared/domain/tenant-view'
import { boundaryOf, hostBoundary, hostStackColumn, stackLookupsOf } from '../../engine'

const GUIDE_STACK = 'the-stack-of-layers'

/** The opaque layer a tenant sees under its machines when host details are not allowed. */
function providerLayer(zoneLabel: string, machines: readonly StackMachine[]): StackViewLayer {
  const vms = machines.some((m) => m.kind === 'vm')
  return {
    layer: 'provider-platform',
    title: vms ? "Provider's hypervisor" : "Provider's shared kernel",
    label: `${zoneLabel}: the provider's hardware and ${vms ? 'hypervisor' : 'kernel'} (details not shown to tenants)`,
    overhead: {
      cpuPercent: 0,
      memoryPerInstanceMiB: 0,
      reservedMemoryMiB: 0,
      reservedVcpus: 0,
      ioThroughputFactor: 1,
    },
    source: "Run by the provider: its product and figures are the provider's.",
    guideSection: GUIDE_STACK,
  }
}

/** Strips what the provider's layer charges a machine (a host detail). */
const ownFigures = (m: StackMachine): StackMachine => ({ ...m, overheadMemoryMiB: 0 })

/**
 * The stack of `view`'s tenant under `placed` (the placement the view was projected from).
 * @param view the tenant's view, already checked at the boundary.
 */
export function tenantStackView(
  design: Design,
  view: TenantView,
  placed: readonly PlacedInstance[] | undefined,
): StackView {
  const own = new Set(view.instances.map((i) => i.id))
  const ownPlaced = (placed ?? []).filter((p) => own.has(p.instanceId))
  const hostOf = new Map(ownPlaced.map((p) => [p.instanceId, p.hostId]))
  // Each zone's column is built from its host's own instances only (review s5 #1: a scan of
  // every placed instance per zone made a 1,800-zone tenant's stack take seconds).
  const placedOn = new Map<string, PlacedInstance[]>()
  for (const p of ownPlaced) {
    const list = placedOn.get(p.hostId)
    if (list) list.push(p)
    else placedOn.set(p.hostId, [p])
  }
  const lookups = stackLookupsOf(design)
  const dedicated = view.tenant.isolation !== 'shared'
  const notes: string[] = []
  const columns: StackColumn[] = []
  for (const zone of view.zones) {
    const hostId = zone.instanceIds.map((id) => hostOf.get(id)).find((h) => h !== undefined)
    const host = hostId === undefined ? undefined : lookups.hosts.get(hostId)
    const full = host && hostStackColumn(design, placedOn.get(host.id) ?? [], host.id, { lookups })
    if (!host || !full) continue
    const machines = view.tenant.showHostNames ? full.machines : full.machines.map(ownFigures)
    const hypervisor = full.base.filter(
      (l) => l.layer === 'hypervisor' || l.layer === 'shared-kernel',
    )
    const base = view.tenant.showHostNames
      ? hypervisor.map((l) => {
          const { capacity: _hidden, ...rest } = l
          return rest
        })
      : [providerLayer(zone.label, machines)]
    columns.push({
      id: zone.id,
      label: zone.label,
      base,
      boundary: dedicated ? boundaryOf('physical', 0) : hostBoundary(host),
      machines,
      truncated: full.truncated,
    })
  }
  const unplaced = view.instances.filter((i) => i.placement !== 'placed').length
  if (columns.length === 0) notes.push('None of your instances is placed yet.')
  else if (unplaced > 0) notes.push(`${unplaced} of your instances are not placed.`)
  if (view.instancesTruncated) notes.push('Only the first instances of a large tenant are shown.')
  if (dedicated)
    notes.push(
      `Your isolation policy (${view.tenant.isolation}) keeps other tenants off your hosts.`,
    )
  return { scope: 'tenant', columns, acrossHosts: boundaryOf('physical', 0), notes }
}
