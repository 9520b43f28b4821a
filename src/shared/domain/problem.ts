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
    else if (!PLAIN_KEY.test(String(part))) out += `[${JSON.stringify(String(part))}]`
    else out += out === '' ? String(part) : `.${String(part)}`
  }
  return out
}

/**
 * A key written after a dot; any other (a dot, a space, a bracket, a quote, empty) is written
 * in brackets as a JSON string, `specs["a.b"].cpu`, so a path names one place (review s11 #5).
 */
const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/

/** At most this many problems are listed in one answer, all kinds together. */
export const MAX_LISTED_PROBLEMS = 200
/** At most this many problems of one kind are listed; the rest of the kind are counted. */
export const MAX_LISTED_PER_KIND = 20
/** At most this many kinds get their own "… and N more like this" entry; the rest share one. */
export const MAX_COUNTED_KINDS = 50
/** At most this many characters of a problem's message or path (client text they quote). */
export const MAX_PROBLEM_TEXT_CHARS = 500
/** A "more like this" entry quotes the first unlisted message of its kind cut to this. */
const SAMPLE_CHARS = 200

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
 * The kind of a problem: its severity and its message with quoted text and numbers left out,
 * so that `"d7" (line 9) has role "x"…` and `"d8" (line 10) has role "y"…` are one kind, as
 * are a million "this key appears more than once" warnings at different paths.
 */
export function problemKind(p: Problem): string {
  const shape = p.message
    .slice(0, SAMPLE_CHARS)
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\d[\d,.]*/g, '#')
  return `${p.severity}:${shape}`
}

const plural = (n: number, one: string, many: string): string =>
  `${n.toLocaleString('en-US')} more ${n === 1 ? one : many}`

interface KindCount {
  listed: number
  rest: number
  first?: Problem
  error: boolean
}

/**
 * `problems` as an answer carries them, bounded per kind ({@link problemKind}): at most
 * {@link MAX_LISTED_PER_KIND} of each kind and {@link MAX_LISTED_PROBLEMS} in all are listed,
 * in their order, each message and path cut to {@link MAX_PROBLEM_TEXT_CHARS} characters; then
 * one entry per kind counts that kind's rest ("… and 999,980 more like this: <its first unlisted
 * message>", at that one's path, an error if any of them is), for at most
 * {@link MAX_COUNTED_KINDS} kinds, and one last entry counts the rest of all other kinds
 * ("… and 1,234 more problems, not listed"). Every problem is listed or counted exactly once;
 * the answer holds at most 200 + 50 + 1 entries of at most 500 + 500 characters, whatever the
 * input. Review s8a #2/#3: a 2 MB NetBox file gave 500,000 warnings, a header of 3,000,000
 * columns a 28.9 MB message, an 18 MB file 1,000,000 duplicate-key warnings (the first 200 of
 * one kind hid every other kind).
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
  if (problems.length <= MAX_LISTED_PER_KIND) return problems.map(cut)
  const listed: Problem[] = []
  const kinds = new Map<string, KindCount>()
  let last: Problem | undefined
  let kind = ''
  for (const p of problems) {
    // a run of one message (a million duplicate keys) is one kind without a regex each
    if (p.message !== last?.message || p.severity !== last.severity) kind = problemKind(p)
    last = p
    let count = kinds.get(kind)
    if (!count) kinds.set(kind, (count = { listed: 0, rest: 0, error: false }))
    if (count.listed < MAX_LISTED_PER_KIND && listed.length < MAX_LISTED_PROBLEMS) {
      count.listed++
      listed.push(cut(p))
    } else {
      count.rest++
      count.first ??= p
      if (p.severity === 'error') count.error = true
    }
  }
  let others = 0
  let othersFirst: Problem | undefined
  let othersError = false
  let counted = 0
  for (const count of kinds.values()) {
    if (count.rest === 0 || !count.first) continue
    if (counted < MAX_COUNTED_KINDS) {
      counted++
      listed.push({
        severity: count.error ? 'error' : 'warning',
        path: cutText(count.first.path, MAX_PROBLEM_TEXT_CHARS),
        message: `… and ${plural(count.rest, 'like this', 'like this')}: ${cutText(count.first.message, SAMPLE_CHARS)}`,
      })
    } else {
      others += count.rest
      othersFirst ??= count.first
      othersError ||= count.error
    }
  }
  if (others > 0 && othersFirst)
    listed.push({
      severity: othersError ? 'error' : 'warning',
      path: cutText(othersFirst.path, MAX_PROBLEM_TEXT_CHARS),
      message: `… and ${plural(others, 'problem', 'problems')}, not listed`,
    })
  return listed
}
