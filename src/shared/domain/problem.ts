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

/** At most this many problems are listed in one answer; the rest are counted in one entry. */
export const MAX_LISTED_PROBLEMS = 200
/** At most this many characters of a problem's message or path (client text they quote). */
export const MAX_PROBLEM_TEXT_CHARS = 500

/**
 * `text` cut to `max` UTF-16 units with "…", never between the two halves of a surrogate pair
 * (review s8a #8: a cut emoji left half a character in the answer).
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max
  return `${text.slice(0, end)}…`
}

/**
 * `problems` as an answer carries them: at most {@link MAX_LISTED_PROBLEMS} listed, each
 * message and path cut to {@link MAX_PROBLEM_TEXT_CHARS} characters, and one last entry counting
 * the rest ("… and 999,800 more problems, not listed", at the first unlisted one's path, an
 * error if any of them is one). Review s8a #2/#3: a 2 MB NetBox file gave 500,000 warnings, a
 * header of 3,000,000 columns a 28.9 MB message, more than was sent.
 */
export function boundedProblems(problems: readonly Problem[]): Problem[] {
  const cut = (p: Problem): Problem => {
    if (p.message.length <= MAX_PROBLEM_TEXT_CHARS && p.path.length <= MAX_PROBLEM_TEXT_CHARS)
      return p
    return {
      ...p,
      path: cutText(p.path, MAX_PROBLEM_TEXT_CHARS),
      message: cutText(p.message, MAX_PROBLEM_TEXT_CHARS),
    }
  }
  if (problems.length <= MAX_LISTED_PROBLEMS) return problems.map(cut)
  const rest = problems.length - MAX_LISTED_PROBLEMS
  const first = problems[MAX_LISTED_PROBLEMS] as Problem
  let severity: Problem['severity'] = 'warning'
  for (let i = MAX_LISTED_PROBLEMS; i < problems.length; i++)
    if ((problems[i] as Problem).severity === 'error') {
      severity = 'error'
      break
    }
  return [
    ...problems.slice(0, MAX_LISTED_PROBLEMS).map(cut),
    {
      severity,
      path: cutText(first.path, MAX_PROBLEM_TEXT_CHARS),
      message: `… and ${rest.toLocaleString('en-US')} more ${rest === 1 ? 'problem' : 'problems'}, not listed`,
    },
  ]
}
