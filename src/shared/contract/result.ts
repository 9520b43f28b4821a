/**
 * The result envelope every call returns. Defined in the domain (`src/shared/domain`),
 * because the engine returns it too; re-exported here for the contract's callers.
 */
export {
  ERROR_CODES,
  fail,
  MAX_ERROR_MESSAGE_CHARS,
  ok,
  withBoundedMessage,
} from '../domain/result'
export type { ErrorCode, Result, StrataError } from '../domain/result'
export { formatPath } from '../domain/problem'
export type { Problem } from '../domain/problem'
