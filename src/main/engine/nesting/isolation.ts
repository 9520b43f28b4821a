/**
 * Who is isolated from whom: the weakest boundary between two instances is the layer at their
 * deepest common machine. Two containers in one VM share its kernel; two VMs (or two tenants'
 * VMs with their containers) on one host are separated by the hypervisor; instances on two
 * hosts by the hardware. Coefficients: the slowdown across the boundary when the neighbours
 * keep the whole machine busy (the loss scales with their share of it, see
 * `simulation/interference.ts`), from the virtualization table (containers 0.15 [S25],
 * hypervisors 0.03 [S15]); physical separation 0.
 */
import type { Design } from '../../../shared/design/schema'
import { overheadsFor } from '../virtualization'
import { INNER_LAYER_DEFAULTS, innerLayerOf } from './inner-layer'
import { workloadIdOf, type NestedPlacement } from './stack'

/** Boundaries from weakest to strongest. */
export const BOUNDARIES = ['shared-kernel', 'hypervisor', 'physical'] as const
export type Boundary = (typeof BOUNDARIES)[number]

/** The boundary between two instances and the interference it lets through. */
export interface Separation {
  boundary: Boundary
  /** The machine both run on: an outer instance id, a host id, or none for physical. */
  sharedMachineId?: string
  interferenceCoefficient: number
}

/** Machines under an instance, outermost (the host) first, then outer instances. */
function machines(placement: NestedPlacement, instanceId: string): string[] {
  const chain: string[] = []
  let cur = instanceId
  for (let guard = 0; guard < 8; guard++) {
    const outer = placement.outerOf.get(cur)
    if (outer === undefined) break
    chain.unshift(outer)
    cur = outer
  }
  const host = placement.hostOf.get(cur)
  return host === undefined ? chain : [host, ...chain]
}

/** The weakest boundary between two placed instances. */
export function separation(
  design: Design,
  placement: NestedPlacement,
  a: string,
  b: string,
): Separation {
  const ma = machines(placement, a)
  const mb = machines(placement, b)
  let common = -1
  while (common + 1 < Math.min(ma.length, mb.length) && ma[common + 1] === mb[common + 1]) common++
  if (common < 0) return { boundary: 'physical', interferenceCoefficient: 0 }
  const machine = ma[common] as string
  if (common === 0) {
    const host = design.hosts.find((h) => h.id === machine)
    const o = host ? overheadsFor(host) : undefined
    return {
      boundary: host?.virtualization.kind === 'os' ? 'shared-kernel' : 'hypervisor',
      sharedMachineId: machine,
      interferenceCoefficient: o?.interferenceCoefficient ?? 0,
    }
  }
  const outer = design.workloads.find((w) => w.id === workloadIdOf(machine))
  const inner = design.workloads.find((w) => w.id === workloadIdOf(ma[common + 1] ?? a))
  const layer = outer && inner ? innerLayerOf(outer, inner.kind) : undefined
  return {
    boundary: layer?.kind === 'os' ? 'shared-kernel' : 'hypervisor',
    sharedMachineId: machine,
    interferenceCoefficient: layer ? INNER_LAYER_DEFAULTS[layer.kind].interferenceCoefficient : 0,
  }
}
