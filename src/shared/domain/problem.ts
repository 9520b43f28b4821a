/**
 * Problems located by JSON path: what validation, parsing, migrations, imports and exports
 * report. A domain type; the contract re-exports it.
 */

/** One problem found in a design or file, located by its JSON path. */
export interface Problem {
  severity: 'error' | 'warning'
  /** JSON path into the document, e.g. `hosts[3].memoryMiB`; `` for the root. */
  path: string
  message: string
  /** The element the problem is about, when there is one (for canvas markers). */
  elementId?: string
}

/** Formats a path array (from zod or a walker) as `hosts[3].memoryMiB`. */
export function formatPath(parts: ReadonlyArray<PropertyKey>): string {
  let out = ''
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`
    else out += out === '' ? String(part) : `.${String(part)}`
  }
  return out
}
