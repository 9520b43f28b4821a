/**
 * Which fields of which collections refer to which kinds of element. One table drives the
 * dangling-reference check, cascading removal and id lookups.
 */
import {
  ENTITY_COLLECTIONS,
  type CollectionKey,
  type EntityKind,
} from '../../../shared/design/enums'

/** The kind of element each collection holds. */
export const COLLECTION_KIND = Object.fromEntries(
  Object.entries(ENTITY_COLLECTIONS).map(([kind, key]) => [key, kind]),
) as Record<CollectionKey, EntityKind>

export interface ReferenceField {
  collection: CollectionKey
  field: string
  /** Kinds the referenced id may have. */
  targets: readonly EntityKind[]
  /** Removing the target removes the referring element (else the field is cleared). */
  cascade: boolean
  required: boolean
}

const endpoint = ['host', 'switch', 'storage'] as const

export const REFERENCE_FIELDS: readonly ReferenceField[] = [
  { collection: 'racks', field: 'zoneId', targets: ['zone'], cascade: false, required: false },
  { collection: 'hosts', field: 'rackId', targets: ['rack'], cascade: false, required: false },
  { collection: 'switches', field: 'rackId', targets: ['rack'], cascade: false, required: false },
  { collection: 'storage', field: 'rackId', targets: ['rack'], cascade: false, required: false },
  { collection: 'storage', field: 'hostId', targets: ['host'], cascade: false, required: false },
  { collection: 'links', field: 'sourceId', targets: endpoint, cascade: true, required: true },
  { collection: 'links', field: 'targetId', targets: endpoint, cascade: true, required: true },
  { collection: 'networks', field: 'tenantId', targets: ['tenant'], cascade: true, required: true },
  {
    collection: 'workloads',
    field: 'tenantId',
    targets: ['tenant'],
    cascade: true,
    required: true,
  },
  {
    collection: 'workloads',
    field: 'networkId',
    targets: ['network'],
    cascade: false,
    required: false,
  },
  {
    collection: 'workloads',
    field: 'traceId',
    targets: ['trace'],
    cascade: false,
    required: false,
  },
]
