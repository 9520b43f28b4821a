/** The shape of one forward migration step. */
import type { Problem } from '../../../../shared/domain/problem'

/** A raw JSON object as read from a file. */
export type RawDocument = Record<string, unknown>

/**
 * Turns a document of schema version `from` into version `from + 1`. It never throws: what
 * it cannot convert it reports as problems located at paths of the original document, and
 * it leaves fields it does not understand in place for the next validation to report.
 */
export interface Migration {
  from: number
  to: number
  /** One line for logs and the file's "migrated from" notice. */
  description: string
  migrate: (document: RawDocument, problems: Problem[]) => RawDocument
}

export function isRecord(value: unknown): value is RawDocument {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
