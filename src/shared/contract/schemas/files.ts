/** Request schemas of the `files:` calls (main only at run time). Design files, autosave, recovery, imports and exports (issue 7). */
import { z } from 'zod'

/**
 * An absolute path (POSIX `/…`, Windows `C:\…` or `\\server\…`): a relative one would be
 * resolved against wherever the app happens to run, which no caller can mean.
 */
const filePath = z
  .string()
  .min(1)
  .max(4096)
  .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, 'must be an absolute path')
  .refine((p) => !p.includes('\u0000'), 'must not contain a NUL character')
/** Up to 64 MiB of file contents (the open-file size limit). */
const contents = z.string().max(64 * 1024 * 1024)
/** Replace a design that has unsaved changes (the renderer asked the user first). */
const discardChanges = z.boolean().default(false)

export const IMPORT_FORMATS = ['netbox-csv', 'opendc'] as const
export const EXPORT_FORMATS = ['strata', 'opendc', 'netbox-csv'] as const

export const filesRequests = {
  /**
   * Open a design: from `path`; or from uploaded `contents` (text, or base64 bytes so that
   * invalid UTF-8 is reported) named `name`; or, with neither, through the native dialog.
   */
  'files:open': z.strictObject({
    path: filePath.optional(),
    contents: contents.optional(),
    encoding: z.enum(['utf8', 'base64']).default('utf8'),
    name: z.string().min(1).max(1000).optional(),
    discardChanges,
  }),
  /**
   * Save to the file the design came from. If it changed on disk since it was opened or last
   * saved (another window, an editor), the answer is `conflict` and nothing is written,
   * unless `overwrite` (the user chose to replace the other version).
   */
  'files:save': z.strictObject({ overwrite: z.boolean().default(false) }),
  /** Save to `path`; without one, the native dialog, or (web host) the contents to download. */
  'files:save-as': z.strictObject({
    path: filePath.optional(),
    overwrite: z.boolean().default(false),
  }),
  'files:recent': z.strictObject({}),
  /** Autosaves left by a previous run that ended without saving (a crash). */
  'files:recovery': z.strictObject({}),
  'files:recover': z.strictObject({ id: z.string().min(1).max(100), discardChanges }),
  'files:discard-recovery': z.strictObject({ id: z.string().min(1).max(100) }),
  /** Import a design from another tool: as a new design, or merged into the open one (undoable). */
  'files:import': z.strictObject({
    format: z.enum(IMPORT_FORMATS),
    contents,
    mode: z.enum(['new', 'merge']).default('new'),
    name: z.string().min(1).max(200).optional(),
    discardChanges,
  }),
  /** Export the open design; returns the contents to download or save. */
  'files:export': z.strictObject({ format: z.enum(EXPORT_FORMATS) }),
} as const
