/** Design files: format, reading with located problems, migrations, imports and exports. */
export {
  DEFAULT_MAX_DEPTH,
  DEFAULT_MAX_FILE_BYTES,
  LAST_RUN_KEY,
  STRATA_FILE_SUFFIX,
  canonicalJson,
  designFingerprint,
  resultsFingerprint,
  serializeStrataFile,
  type LastRun,
} from './file-format'
export { scanJson, type JsonSyntaxError } from './json-scan'
export { MIGRATIONS, detectVersion, migrateDocument } from './migrations'
export type { Migration } from './migrations/types'
export { readStrataFile, type ReadOptions, type ReadResult } from './read-file'
export { lastRunShapeProblem } from './last-run-shape'
export { lastRunValueProblem, type LastRunValueProblem } from './last-run-values'
export { decodeUtf8 } from './utf8'
export { openIntoSession, type OpenedFile } from './open-into-session'
export * from './interop'
export { parseJsonText, type JsonTextResult } from './json-text'
