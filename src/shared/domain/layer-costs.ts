/**
 * What each layer of virtualization costs in a run (issue 18), the `layers` field of a
 * simulation result: present only when the design uses nesting or a type-2 host.
 */

/** Layers in the order they stack, hardware up. */
export const LAYER_NAMES = [
  'host-os',
  'hypervisor',
  'shared-kernel',
  'guest-kernel',
  'container-runtime',
  'nested-hypervisor',
] as const
export type LayerName = 'hardware' | (typeof LAYER_NAMES)[number]

/** One layer's cost over the instances it serves, at the initial placement and full demand. */
export interface LayerCost {
  layer: (typeof LAYER_NAMES)[number]
  /** Instances (or machines, for reserves) the layer serves. */
  instances: number
  /** CPU the layer spends at full demand of what it holds (overheads and reserves), MIPS. */
  cpuOverheadMips: number
  /** Memory the layer holds beyond its instances' RAM (overheads and reserves), MiB. */
  memoryMiB: number
}
