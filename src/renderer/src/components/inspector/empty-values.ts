/**
 * What an optional field left empty means, in the inspector's placeholder: the value the engine
 * uses instead ("4 (default)", "2 (rack's)") or what the absence does ("no limit"). The numbers
 * come from `shared/design/defaults`, the same constants the scheduler and the failure models
 * read, so the form never says "(none)" while placement uses 4.
 */
import {
  DEFAULT_CPU_ALLOCATION_RATIO,
  DEFAULT_MEMORY_ALLOCATION_RATIO,
  DEFAULT_MTTR_HOURS,
} from '../../../../shared/design/defaults'
import type { EntityKind } from '../../../../shared/design/enums'
import type { Design } from '../../../../shared/design/schema'

type Entity = Record<string, unknown>
type Meaning = (design: Design, entity: Entity) => string

const RATIO_DEFAULTS = {
  cpuAllocationRatio: DEFAULT_CPU_ALLOCATION_RATIO,
  memoryAllocationRatio: DEFAULT_MEMORY_ALLOCATION_RATIO,
} as const

/** A host's ratio comes from the host, else its rack, else the default; native is never overcommitted. */
function hostRatio(path: keyof typeof RATIO_DEFAULTS): Meaning {
  return (design, host) => {
    if ((host.virtualization as { kind?: string } | undefined)?.kind === 'native')
      return '1 (native: not overcommitted)'
    const rack = design.racks.find((r) => r.id === host.rackId)
    const fromRack = rack?.[path]
    return fromRack !== undefined ? `${fromRack} (rack's)` : `${RATIO_DEFAULTS[path]} (default)`
  }
}

const fixed =
  (text: string): Meaning =>
  () =>
    text

const MEANINGS: Partial<Record<EntityKind, Record<string, Meaning>>> = {
  rack: {
    cpuAllocationRatio: fixed(`${DEFAULT_CPU_ALLOCATION_RATIO} (default)`),
    memoryAllocationRatio: fixed(`${DEFAULT_MEMORY_ALLOCATION_RATIO} (default)`),
    zoneId: fixed('(no zone)'),
  },
  host: {
    cpuAllocationRatio: hostRatio('cpuAllocationRatio'),
    memoryAllocationRatio: hostRatio('memoryAllocationRatio'),
    mtbfHours: fixed('(never fails)'),
    mttrHours: fixed(`${DEFAULT_MTTR_HOURS} (default)`),
    rackId: fixed('(no rack)'),
  },
  switch: { rackId: fixed('(no rack)') },
  storage: { rackId: fixed('(no rack)') },
  tenant: {
    'quotas.instances': fixed('(no limit)'),
    'quotas.vcpus': fixed('(no limit)'),
    'quotas.memoryMiB': fixed('(no limit)'),
    'quotas.diskGiB': fixed('(no limit)'),
  },
  workload: {
    storageClass: fixed("(the host's local disk)"),
    networkId: fixed('(no network)'),
    'nesting.runsIn': fixed('(runs on hosts)'),
    'innerLayer.kind': fixed('(none)'),
    'innerLayer.product': fixed('(none)'),
  },
}

/**
 * The placeholder of optional field `path` of an element of `kind` when it is empty;
 * `(none)` for a field whose absence needs no words.
 */
export function emptyMeaning(
  kind: EntityKind,
  path: string,
  design: Design | undefined,
  entity: Entity | undefined,
): string {
  const meaning = MEANINGS[kind]?.[path]
  return meaning && design && entity ? meaning(design, entity) : '(none)'
}
