/**
 * Which guests a host's virtualization layer can run. Rules (one per kind):
 * - `native`: one bare-metal instance owning the whole host. It accepts a `vm` workload (the
 *   guest OS runs directly on the hardware, like an Ironic bare-metal instance) of any OS
 *   family; containers are refused (they need an OS-level virtualization host).
 * - `hvm`: any VM guest, but only on a CPU with VT-x or AMD-V.
 * - `bt`: any VM guest (binary translation needs no CPU extension), at the highest overhead.
 * - `pv`: only VM guests whose kernel is paravirtualization-aware.
 * - `os`: only containers whose `guestOs` equals the host kernel (`virtualization.hostOs`).
 * VMs are refused by `os` hosts; containers are refused by every hypervisor host (hvm, bt, pv).
 * Nesting (issue 18): a VM group that runs a hardware-assisted hypervisor inside
 * (`innerLayer.kind` `hvm`) needs a host whose hvm hypervisor exposes VT-x/AMD-V to guests
 * (`nestedHardwareVirtualization`); and an outer instance acting as a host (marked with
 * `markGuestHost`) without it refuses hardware-assisted VMs for that reason.
 */
import type { Host, Workload } from '../../../shared/design/schema'

/** The outcome of a guest check; `reason` is a short phrase a person understands. */
export type GuestCheck = { ok: true } | { ok: false; reason: string }

const OK: GuestCheck = { ok: true }

/** Fixed reasons (stable strings; explanations group hosts by them). */
export const GUEST_REASONS = {
  containerOnHypervisor: 'hypervisor host (containers need OS-level virtualization)',
  containerOnNative: 'bare-metal host (containers need OS-level virtualization)',
  vmOnContainerHost: 'container-only host (VMs need a hypervisor)',
  noHardwareAssist: 'no VT-x/AMD-V for hardware-assisted virtualization',
  notParavirtAware: 'need a paravirtualization-aware guest',
  noNestedVirtualization: 'no nested hardware virtualization (VT-x/AMD-V for guests)',
} as const

const guestHosts = new WeakSet<object>()

/** Marks a host object as an outer instance acting as a host for nested instances. */
export function markGuestHost(host: object): void {
  guestHosts.add(host)
}

/** Whether `host` can run an instance of `workload`, and if not, why. */
export function acceptsGuest(
  host: Pick<Host, 'cpuExtensions' | 'virtualization'>,
  workload: Pick<Workload, 'kind' | 'guestOs' | 'paravirtAware'> &
    Pick<Partial<Workload>, 'innerLayer'>,
): GuestCheck {
  const v = host.virtualization
  if (
    workload.innerLayer?.kind === 'hvm' &&
    !(v.kind === 'hvm' && v.nestedHardwareVirtualization === true && host.cpuExtensions !== 'none')
  )
    return { ok: false, reason: GUEST_REASONS.noNestedVirtualization }
  switch (v.kind) {
    case 'os':
      if (workload.kind !== 'container')
        return { ok: false, reason: GUEST_REASONS.vmOnContainerHost }
      if (workload.guestOs !== v.hostOs)
        return { ok: false, reason: `${v.hostOs} container host (guest needs ${workload.guestOs})` }
      return OK
    case 'native':
      return workload.kind === 'vm' ? OK : { ok: false, reason: GUEST_REASONS.containerOnNative }
    case 'hvm':
      if (workload.kind !== 'vm') return { ok: false, reason: GUEST_REASONS.containerOnHypervisor }
      if (host.cpuExtensions === 'none')
        return {
          ok: false,
          reason: guestHosts.has(host)
            ? GUEST_REASONS.noNestedVirtualization
            : GUEST_REASONS.noHardwareAssist,
        }
      return OK
    case 'pv':
      if (workload.kind !== 'vm') return { ok: false, reason: GUEST_REASONS.containerOnHypervisor }
      return workload.paravirtAware ? OK : { ok: false, reason: GUEST_REASONS.notParavirtAware }
    case 'bt':
      return workload.kind === 'vm'
        ? OK
        : { ok: false, reason: GUEST_REASONS.containerOnHypervisor }
  }
}
