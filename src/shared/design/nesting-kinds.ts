/**
 * Vocabulary of nested virtualization (issue 18), zod-free so the renderer can use it:
 * the hypervisor type each product carries, what a layer inside an instance may be, and the
 * scopes of anti-affinity for instances that run inside other instances.
 */
import type { VirtualizationKind, VirtualizationProduct } from './enums'

/**
 * Type 1 runs on the bare hardware; type 2 ("hosted") runs as programs on a host operating
 * system (Popek-Goldberg's terms as used by VMware's and VirtualBox's manuals). OS-level
 * products and bare metal are no hypervisor at all (`none`).
 */
export const HYPERVISOR_TYPES = ['type-1', 'type-2', 'none'] as const
export type HypervisorType = (typeof HYPERVISOR_TYPES)[number]

/**
 * The type each product is: ESXi, Hyper-V, Xen and KVM (a Linux kernel module that turns the
 * kernel itself into the hypervisor) are type 1; VirtualBox, VMware Workstation and QEMU's
 * TCG emulator run as processes of a host OS, type 2.
 */
export const PRODUCT_HYPERVISOR_TYPE: Readonly<Record<VirtualizationProduct, HypervisorType>> = {
  'bare-metal': 'none',
  kvm: 'type-1',
  esxi: 'type-1',
  'hyper-v': 'type-1',
  virtualbox: 'type-2',
  'xen-hvm': 'type-1',
  'qemu-tcg': 'type-2',
  'vmware-workstation-bt': 'type-2',
  'esx-bt': 'type-1',
  'xen-pv': 'type-1',
  lxc: 'none',
  docker: 'none',
  openvz: 'none',
  virtuozzo: 'none',
  'freebsd-jails': 'none',
  'solaris-zones': 'none',
  cgroups: 'none',
}

/** Kinds of layer an instance can offer to instances inside it (no bare metal in a VM). */
export const INNER_LAYER_KINDS = ['os', 'hvm', 'bt', 'pv'] as const satisfies readonly Exclude<
  VirtualizationKind,
  'native'
>[]
export type InnerLayerKind = (typeof INNER_LAYER_KINDS)[number]

/**
 * Where (anti-)affinity of an inner workload counts: per outer instance (`outer`: two
 * containers of the group never share a VM, like Kubernetes' hostname topology key) or per
 * physical host (`host`: never two on one machine, whichever VMs they are in).
 */
export const NESTED_AFFINITY_SCOPES = ['outer', 'host'] as const
export type NestedAffinityScope = (typeof NESTED_AFFINITY_SCOPES)[number]
