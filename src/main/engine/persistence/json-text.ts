/** Parsing JSON text from other tools with the same located errors as design files. */
import type { Problem } from '../../../shared/domain/problem'
import { DEFAULT_MAX_DEPTH } from './file-format'
import { scanJson } from './json-scan'

export type JsonTextResult =
  { ok: true; value: unknown } | { ok: false; message: string; problems: Problem[] }

/** Parses `text`; a syntax error comes back with its line, column and JSON path. */
export function parseJsonText(text: string, source = 'the file'): JsonTextResult {
  const scan = scanJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, {
    maxDepth: DEFAULT_MAX_DEPTH,
  })
  if (scan.error) {
    const e = scan.error
    return {
      ok: false,
      message: `${source} is not valid JSON (line ${e.line}, column ${e.column})`,
      problems: [
        {
          severity: 'error',
          path: e.path,
          message: `line ${e.line}, column ${e.column}: ${e.message}`,
        },
      ],
    }
  }
  return { ok: true, value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) }
}
