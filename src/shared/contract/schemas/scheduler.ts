/** Request schemas of the `scheduler:` calls (main only at run time). Virtualization layer and multi-tenant scheduler (issue 3). */
import { z } from 'zod'
import { PLACEMENT_PRESETS } from '../../design/enums'

const id = z.string().min(1).max(200)

const place = z.strictObject({
  preset: z.enum(PLACEMENT_PRESETS).optional(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
})

export const schedulerRequests = {
  /** Place every instance of the open design; `preset` defaults to the design's own. */
  'scheduler:place': place,
  /** As `scheduler:place`, answered with the result's compact digest (the window's call). */
  'scheduler:place-digest': place,
  /** Why an instance (`${workloadId}#${i}`) is where it is, or fits nowhere. */
  'scheduler:explain': z.strictObject({ instanceId: id }),
  /** Plan (and apply) new homes for every instance on a host being drained. */
  'scheduler:evacuate': z.strictObject({ hostId: id, dryRun: z.boolean().default(false) }),
  'scheduler:last': z.strictObject({}),
  /** The last placement's compact digest (the window's read). */
  'scheduler:last-digest': z.strictObject({}),
} as const
