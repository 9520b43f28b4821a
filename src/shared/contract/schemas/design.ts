/** Request schemas of the `app:` and `design:` calls (main only at run time). */
import { z } from 'zod'
import { ENTITY_KINDS } from '../../design/enums'
import { positionSchema } from '../../design/schema'

const id = z.string().min(1).max(200)
const empty = z.strictObject({})

/**
 * An edit of the open design. Every user edit is one command (or one `batch`), so undo and
 * redo cover all of them. Entities are validated against their kind's schema in the engine.
 */
export const editCommandSchema: z.ZodType<EditCommandInput> = z.lazy(() =>
  z.discriminatedUnion('type', [
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
  ]),
)

export type EditCommandInput =
  | { type: 'add'; kind: (typeof ENTITY_KINDS)[number]; entity: Record<string, unknown> }
  | { type: 'update'; id: string; patch: Record<string, unknown> }
  | { type: 'remove'; ids: string[] }
  | {
      type: 'move'
      moves: Array<{ id: string; position: { x: number; y: number }; rackId?: string | null }>
    }
  | {
      type: 'connect'
      sourceId: string
      targetId: string
      bandwidthGbps?: number
      latencyMs?: number
      linkId?: string
    }
  | { type: 'set-meta'; patch: Record<string, unknown> }
  | { type: 'set-simulation'; patch: Record<string, unknown> }
  | { type: 'batch'; label: string; commands: EditCommandInput[] }

export const designRequests = {
  'app:info': empty,
  'design:get': empty,
  'design:validate': empty,
  'design:apply': z.strictObject({ command: editCommandSchema }),
  'design:undo': empty,
  'design:redo': empty,
  'design:new': z.strictObject({ name: z.string().min(1).max(200).optional() }),
  'design:open-sample': z.strictObject({ name: z.string().min(1).max(100) }),
  /** Replace the open design by a document (e.g. an uploaded file); nothing changes on failure. */
  'design:load': z.strictObject({
    document: z.unknown(),
    fileName: z.string().max(1000).optional(),
  }),
} as const
