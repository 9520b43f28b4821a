/**
 * Where each layer's figures come from, in words for the stack view, and the guide section
 * (`docs/guide/virtualization-layers.md`) that explains each layer and boundary. Tags
 * [S1]..[S32] are listed in `../virtualization/SOURCES.md`, [S33]..[S47] in `./SOURCES.md`;
 * the figures themselves are the tables' (`../virtualization/kinds.ts`, `./inner-layer.ts`).
 */
import type { InnerLayerKind } from '../../../shared/design/nesting-kinds'
import type { VirtualizationKind } from '../../../shared/design/enums'
import type { IsolationBoundaryKind, StackLayerKind } from '../../../shared/domain/stack-view'

/** The published source of each virtualization kind's defaults, as a host layer. */
export const HOST_KIND_SOURCES: Readonly<Record<VirtualizationKind, string>> = {
  native: 'No virtualization layer: the operating system runs on the hardware (definition).',
  hvm:
    "CPU 5 % [S1][S9]; memory 14 MiB + 4 MiB per vCPU + 0.75 % of RAM, fitted to VMware's table [S10]; " +
    'reserve 2,048 MiB [S12][S13]; disk x0.9 ([S1], judgement).',
  bt:
    'CPU 10 % (judgement from [S2][S3]); memory 54 MiB + 10 MiB per extra vCPU + 32 MiB per GiB above 0.5 GiB [S10]; ' +
    'reserve 400 MiB ([S10], judgement); disk x0.5 ([S2][S32], judgement).',
  pv: 'CPU 3 % [S2]; memory 8 MiB (judgement from [S2]); reserve 1,024 MiB ([S29], judgement); disk x0.95 ([S2], judgement).',
  os: 'CPU 1 % [S1][S22]; memory 20 MiB per container ([S31], low confidence); reserve 1,024 MiB (unverified); disk as native [S1].',
}

/** Type-2 (hosted) hypervisors' extra costs over type 1. */
export const HOSTED_SOURCE =
  'Hosted (type 2): +5 % CPU over type 1, disk x0.7, network x0.8 (judgement from [S46][S2][S32]); ' +
  'host OS share as declared in the design (2 GiB recommended [S45]).'

/** The published source of each inner layer kind's defaults. */
export const INNER_KIND_SOURCES: Readonly<Record<InnerLayerKind, string>> = {
  os:
    'CPU 1 % [S1][S22], 20 MiB per container [S31]; node reserve 80 millicores + 1 % of CPU, ' +
    '330 MiB + 5 % of memory + 100 MiB eviction threshold (GKE [S43]).',
  hvm: '10 % CPU per extra hypervisor level (GCE [S36]; Turtles 6-8 % best case [S33]); I/O x0.5 per level (judgement from [S35][S40]); per-VM memory as a KVM host [S10].',
  bt: 'Binary translation needs no VT-x, so it nests anywhere: CPU 10 % (judgement from [S2][S3]); I/O x0.5 per level (judgement).',
  pv: 'Paravirtualized guests inside a VM: CPU 3 % [S2]; I/O x0.5 per level (judgement).',
}

/** A guest kernel adds nothing of its own: its hypervisor's figures include it. */
export const GUEST_KERNEL_SOURCE =
  "No cost of its own: the hypervisor's figures are measured with the guest kernel running; paravirtualized guests run a modified kernel [S2]."

/** Anchors of the guide's sections (headings of `docs/guide/virtualization-layers.md`). */
export const GUIDE_SECTIONS = {
  stack: 'the-stack-of-layers',
  native: 'native-bare-metal',
  hvm: 'hardware-assisted-virtualization',
  bt: 'binary-translation',
  pv: 'paravirtualization',
  os: 'os-level-containers',
  types: 'type-1-and-type-2-hypervisors',
  nesting: 'nesting-and-its-overheads',
  isolation: 'isolation-boundaries',
  sources: 'sources',
} as const

/** The guide section for a layer of a given kind. */
export function guideSectionOf(layer: StackLayerKind, kind?: VirtualizationKind): string {
  switch (layer) {
    case 'hardware':
      return GUIDE_SECTIONS.stack
    case 'host-os':
      return GUIDE_SECTIONS.types
    case 'hypervisor':
    case 'shared-kernel':
      return kind ? GUIDE_SECTIONS[kind] : GUIDE_SECTIONS.stack
    case 'provider-platform':
      return GUIDE_SECTIONS.stack
    case 'guest-kernel':
      return kind === 'pv' ? GUIDE_SECTIONS.pv : GUIDE_SECTIONS.hvm
    case 'container-runtime':
      return GUIDE_SECTIONS.os
    case 'nested-hypervisor':
      return GUIDE_SECTIONS.nesting
  }
}

/** What each boundary separates and lets through, for people. */
export const BOUNDARY_EXPLANATIONS: Readonly<Record<IsolationBoundaryKind, string>> = {
  'shared-kernel':
    'One kernel shared: namespaces and cgroups separate them, but a kernel flaw or a noisy neighbour reaches all of them (weakest).',
  hypervisor:
    'Each VM has its own kernel and the hypervisor separates them; caches, memory bandwidth and I/O are still shared.',
  physical: 'Separate machines: only the network and storage are shared (strongest).',
}
