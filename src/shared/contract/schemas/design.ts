/** Request schemas of the `app:` and `design:` calls (main only at run time). */
import { z } from 'zod'
import { ENTITY_KINDS } from '../../design/enums'
import { positionSchema } from '../../design/schema'
import type { EditCommand } from '../../domain/design-edits'

const id = z.string().min(1).max(200)
const empty = z.strictObject({})

/**
 * The wire schema of an edit command. The type is the domain's `EditCommand`
 * (`src/shared/domain/design-edits.ts`); this schema is checked against it below, so the two
 * cannot drift apart. Entities are validated against their kind's schema in the engine.
 */
export const editCommandSchema: z.ZodType<EditCommand, EditCommand> = z.lazy(
  () => editCommandVariants,
)

const editCommandVariants = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('add'),
    kind: z.enum(ENTITY_KINDS),
    entity: z.record(z.string(), z.unknown()),
  }),
  z.strictObject({
    type: z.literal('update'),
    id,
    /** Fields to set; `null` removes an optional field. */
    patch: z.record(z.string(), z.unknown()),
  }),
  z.strictObject({
    type: z.literal('remove'),
    ids: z.array(id).min(1),
  }),
  z.strictObject({
    type: z.literal('move'),
    moves: z
      .array(
        z.strictObject({
          id,
          position: positionSchema,
          /** Set a new parent rack (hosts, switches, storage); `null` takes it out of its rack. */
          rackId: id.nullable().optional(),
        }),
      )
      .min(1),
  }),
  z.strictObject({
    type: z.literal('connect'),
    sourceId: id,
    targetId: id,
    bandwidthGbps: z.number().positive().optional(),
    latencyMs: z.number().nonnegative().optional(),
    linkId: id.optional(),
  }),
  z.strictObject({
    type: z.literal('set-meta'),
    patch: z.record(z.string(), z.unknown()),
  }),
  z.strictObject({
    type: z.literal('set-simulation'),
    patch: z.record(z.string(), z.unknown()),
  }),
  z.strictObject({
    type: z.literal('batch'),
    label: z.string().max(200),
    commands: z.array(editCommandSchema).min(1).max(100_000),
  }),
])

/** True when A and B are the same type (not merely assignable one way). */
type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false

/**
 * Compile-time check: what the schema accepts and produces is exactly the domain's
 * `EditCommand`. A field added to one and not the other fails the typecheck here.
 */
const editCommandSchemaMatchesDomain: [
  Equal<z.output<typeof editCommandVariants>, EditCommand>,
  Equal<z.input<typeof editCommandVariants>, EditCommand>,
] = [true, true]
void editCommandSchemaMatchesDomain

/** The domain's edit command, under the name the contract's callers used before it moved. */
export type EditCommandInput = EditCommand

/** Replace a design that has unsaved changes (the user was asked and agreed). */
const discardChanges = z.boolean().default(false)

export const designRequests = {
  'app:info': empty,
  'design:get': empty,
  'design:validate': empty,
  'design:apply': z.strictObject({ command: editCommandSchema }),
  'design:undo': empty,
  'design:redo': empty,
  /**
   * `design:new`, `design:open-sample` and `design:load` replace the open design: while it has
   * unsaved changes they are refused with `conflict` unless `discardChanges: true` (the user
   * was asked and agreed); the replaced edits then stay recoverable (`files:recovery`) until
   * the user discards them. A refused or failed call changes nothing.
   */
  'design:new': z.strictObject({
    name: z.string().min(1).max(200).optional(),
    discardChanges,
  }),
  'design:open-sample': z.strictObject({ name: z.string().min(1).max(100), discardChanges }),
  /** Replace the open design by a document (e.g. an uploaded file); nothing changes on failure. */
  'design:load': z.strictObject({
    document: z.unknown(),
    fileName: z.string().max(1000).optional(),
    discardChanges,
  }),
} as const
