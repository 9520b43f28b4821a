/**
 * A refused call's words for the status bar: the refusal itself (for a file: its name, what is
 * wrong and how many problems) and the first problem with its JSON path, as `strata validate`
 * writes it (review s10u C2: the app showed only "Invalid input: expected number, received
 * string", with no file, path or count).
 */
import type { Problem } from '../../../../shared/domain/problem'

/** `error`: a failed call's `message` and its `problems`, if any. */
export function failureText(error: { message: string; problems?: readonly Problem[] }): string {
  const first = error.problems?.[0]
  if (!first || error.message.includes(first.message)) return error.message
  const where = first.path ? `${first.path}: ` : ''
  const lead = error.message.replace(/[.:;\s]+$/, '')
  const more = (error.problems?.length ?? 0) > 1 ? 'the first: ' : ''
  return `${lead}; ${more}${where}${first.message}`
}
