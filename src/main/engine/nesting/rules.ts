/**
 * Cross-element rules of nested virtualization (issue 18), run by the design validator with
 * every other rule: each problem names its JSON path.
 *
 * - `nesting.runsIn` names another workload of the same tenant, of kind `vm` (nothing runs
 *   inside a container), with no cycle; nesting deeper than 2 levels (L2) is a warning, deeper
 *   than 3 an error (L3 was impractical in the samples of NESTED_NETWORK_STORAGE.md §11a
 *   [S39][S40]).
 * - The outer workload's inner layer must suit the inner kind (containers need `os`, VMs a
 *   hypervisor kind) and its product must be of that kind.
 * - `hostedOs` (type 2) on a type-1 product is an error; `instanceSchedule` names instances.
 */
import type { Problem } from '../../../shared/domain/problem'
import { VIRTUALIZATION_PRODUCTS } from '../../../shared/design/enums'
import { PRODUCT_HYPERVISOR_TYPE } from '../../../shared/design/nesting-kinds'
import type { Design, Workload } from '../../../shared/design/schema'

type Report = (path: string, message: string, elementId?: string) => void

/** Maximum nesting depth that is refused (deeper than L3). */
export const MAX_NESTING_DEPTH = 3

/** Depth of `w` in its chain of outer workloads (1 = runs on a host); -1 on a cycle. */
export function nestingDepth(w: Workload, byId: ReadonlyMap<string, Workload>): number {
  let depth = 1
  const seen = new Set<string>([w.id])
  let cur = w
  while (cur.nesting) {
    const outer = byId.get(cur.nesting.runsIn)
    if (!outer) return depth
    if (seen.has(outer.id)) return -1
    seen.add(outer.id)
    depth++
    cur = outer
  }
  return depth
}

/**
 * The `runsIn` cycle reached from `w`, as workload ids in chain order starting where the chain
 * first comes back (`['a', 'b']` for a → b → a), or `undefined` when the chain ends. `w` is in
 * the cycle exactly when the cycle includes `w.id`; otherwise it only leads into it.
 */
export function nestingCycle(
  w: Workload,
  byId: ReadonlyMap<string, Workload>,
): string[] | undefined {
  const chain: string[] = [w.id]
  const at = new Map<string, number>([[w.id, 0]])
  let cur = w
  while (cur.nesting) {
    const outer = byId.get(cur.nesting.runsIn)
    if (!outer) return undefined
    const first = at.get(outer.id)
    if (first !== undefined) return chain.slice(first)
    at.set(outer.id, chain.length)
    chain.push(outer.id)
    cur = outer
  }
  return undefined
}

/** Appends the nesting rules' problems. */
export function checkNestingRules(design: Design, err: Report, warn: Report): void {
  const byId = new Map(design.workloads.map((w) => [w.id, w]))
  design.hosts.forEach((h, i) => {
    const type = PRODUCT_HYPERVISOR_TYPE[h.virtualization.product]
    if (h.virtualization.hostedOs && type !== 'type-2')
      err(
        `hosts[${i}].virtualization.hostedOs`,
        `${h.virtualization.product} is ${type === 'none' ? 'no hypervisor' : 'a type-1 hypervisor'}; only a type-2 hypervisor runs on a host OS`,
        h.id,
      )
    if (h.virtualization.nestedHardwareVirtualization && h.virtualization.kind !== 'hvm')
      warn(
        `hosts[${i}].virtualization.nestedHardwareVirtualization`,
        'only a hardware-assisted (hvm) hypervisor can expose VT-x/AMD-V to its guests',
        h.id,
      )
  })
  design.workloads.forEach((w, i) => {
    const p = `workloads[${i}]`
    if (w.innerLayer) {
      const kind = VIRTUALIZATION_PRODUCTS[w.innerLayer.product]
      if (kind !== w.innerLayer.kind)
        err(
          `${p}.innerLayer.product`,
          `${w.innerLayer.product} is ${kind}, not ${w.innerLayer.kind}`,
          w.id,
        )
      if (w.kind !== 'vm') err(`${p}.innerLayer`, 'only VMs can hold instances of their own', w.id)
    }
    if (!w.nesting) return
    const outer = byId.get(w.nesting.runsIn)
    const at = `${p}.nesting.runsIn`
    if (!outer) return err(at, `refers to "${w.nesting.runsIn}", which is not a workload`, w.id)
    if (outer.id === w.id) return err(at, 'a workload cannot run inside itself', w.id)
    if (outer.tenantId !== w.tenantId)
      err(
        at,
        "runs inside another tenant's workload; a tenant's instances run only in its own",
        w.id,
      )
    if (outer.kind !== 'vm')
      err(at, `"${outer.id}" is a container workload; instances run only inside VMs`, w.id)
    const layer = outer.innerLayer
    if (layer && w.kind === 'container' && layer.kind !== 'os')
      err(at, `"${outer.id}" runs ${layer.product} inside, not a container runtime`, w.id)
    if (layer && w.kind === 'vm' && layer.kind === 'os')
      err(at, `"${outer.id}" runs a container runtime inside, not a hypervisor`, w.id)
    if (w.kind === 'container' && outer.kind === 'vm' && w.guestOs !== outer.guestOs)
      err(
        `${p}.guestOs`,
        `containers share their VM's kernel: ${w.guestOs} containers cannot run in ${outer.guestOs} VMs`,
        w.id,
      )
    const depth = nestingDepth(w, byId)
    const cycle = depth < 0 ? (nestingCycle(w, byId) ?? []) : []
    const loop = [...cycle, cycle[0]].map((id) => `"${id}"`).join(' → ')
    if (depth < 0 && cycle.includes(w.id))
      err(at, `part of a runsIn cycle: ${loop}; an instance cannot run inside itself`, w.id)
    else if (depth < 0)
      err(at, `runs inside "${outer.id}", which leads into a runsIn cycle: ${loop}`, w.id)
    else if (depth > MAX_NESTING_DEPTH + 1)
      err(at, `nested ${depth - 1} levels deep; at most ${MAX_NESTING_DEPTH} are allowed`, w.id)
    else if (depth > 3)
      warn(
        at,
        `nested ${depth - 1} levels deep; more than 2 levels was impractical in the published samples`,
        w.id,
      )
  })
  const counts = new Map(design.workloads.map((w) => [w.id, w.count]))
  design.simulation.failures.instanceSchedule?.forEach((f, i) => {
    const [wid, index] = f.instanceId.split('#')
    const count = counts.get(wid ?? '')
    const n = Number(index)
    if (count === undefined || !Number.isInteger(n) || n < 0 || n >= count)
      err(
        `simulation.failures.instanceSchedule[${i}].instanceId`,
        `refers to "${f.instanceId}", which is not an instance (WORKLOAD_ID#INDEX)`,
      )
  })
}

/** Problems of the nesting rules alone (for tests and tools). */
export function nestingProblems(design: Design): Problem[] {
  const out: Problem[] = []
  checkNestingRules(
    design,
    (path, message, elementId) => out.push({ severity: 'error', path, message, elementId }),
    (path, message, elementId) => out.push({ severity: 'warning', path, message, elementId }),
  )
  return out
}
