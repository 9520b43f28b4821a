/** Results of design imports and exports. */
import type { Problem } from '../../../../shared/domain/problem'
import type { Design } from '../../../../shared/design/schema'

export type ImportResult =
  | {
      ok: true
      /** A complete, sound design holding what was imported. */
      design: Design
      /** Rows or fields skipped or guessed, each with its location. */
      warnings: Problem[]
      /** Elements imported, by kind (`host`, `rack`, `zone`, `switch`). */
      counts: Record<string, number>
    }
  | { ok: false; message: string; problems: Problem[] }

export interface ExportResult {
  contents: string
  /** What the format could not carry. */
  warnings: Problem[]
}
