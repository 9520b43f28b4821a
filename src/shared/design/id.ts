/**
 * The one schema of an element id and of every name that refers to one (a failure's host, a
 * workload's storage class): 1 to {@link MAX_ID_CHARS} characters. Review s9a #1: a failure's
 * `hostId` and a `storageClass` had no maximum, so a file could give them 4,000,000 characters,
 * quoted again in each problem and sent with every edit.
 */
import { z } from 'zod'
import { shownText } from './text'

/** Longest id or id reference, in characters. */
export const MAX_ID_CHARS = 200

/** An element id, or a reference to one. */
export const idSchema = shownText(z.string().min(1, 'must not be empty').max(MAX_ID_CHARS))
