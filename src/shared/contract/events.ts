/**
 * The bound of every pushed event (closing note s9: only `design:changed` was bounded). Each
 * event declares, in {@link EVENT_BOUNDS}, what bounds its payload and a function that cuts what
 * a hostile design, file or run could make unbounded, the way `design:changed` bounds its
 * problems: a count beside a bounded list, texts cut, and "… and N more" for the rest.
 *
 * Lists of the design's own elements (one entry per host, instance, tenant or sample point:
 * a digest's columns, a run's live series) are not cut: the design's caps bound them and the
 * window needs every entry. Everything else (client text, messages, warnings, reasons) is.
 * The event hub applies the bound to every payload it delivers, tenant projections included;
 * a new event cannot be added without an entry here (the table is typed by `EventName`).
 */
import { boundedProblems, cutText, MAX_PROBLEM_TEXT_CHARS } from '../domain/problem'
import { MAX_LISTED_PROBLEMS, MAX_COUNTED_KINDS } from '../domain/problem'
import { MAX_ERROR_MESSAGE_CHARS } from '../domain/result'
import type { EventName, EventPayloads } from './index'
import type { PlacementDigest } from '../domain/placement-digest'
import { DIGEST_UNPLACED_LISTED } from '../domain/placement-digest'
import type { TenantView } from '../domain/tenant-view'
import { MAX_EXPERIMENT_WARNINGS } from './calls/experiments'

/** At most this many entries of a list that is not one of the design's own (notices, reasons). */
export const MAX_EVENT_LIST_ITEMS = 20
/** At most this many characters of a message or sentence in an event (as failures are cut). */
export const MAX_EVENT_TEXT_CHARS = MAX_ERROR_MESSAGE_CHARS
/** At most this many characters of a server-made id (a job id) in an event. */
export const MAX_EVENT_ID_CHARS = 100
/** The most problems `boundedProblems` lists: 200 listed, 50 kinds counted, one for the rest. */
const MAX_BOUNDED_PROBLEMS = MAX_LISTED_PROBLEMS + MAX_COUNTED_KINDS + 1

/** What bounds one event's payload, and the function that applies it. */
export interface EventBound<E extends EventName> {
  /** The bound in words (for the contract's readers and the table test). */
  limit: string
  /** The payload as it is delivered: the same object when nothing needed cutting. */
  bound: (payload: EventPayloads[E]) => EventPayloads[E]
}

const cut = (text: string): string => cutText(text, MAX_EVENT_TEXT_CHARS)

/**
 * `texts` with at most `max` entries, each cut to {@link MAX_EVENT_TEXT_CHARS}; when there are
 * more, the last listed entry is "… and N more" (so at most `max + 1` entries in all).
 */
export function boundedTexts(texts: readonly string[], max = MAX_EVENT_LIST_ITEMS): string[] {
  const listed = texts.slice(0, max).map(cut)
  const rest = texts.length - listed.length
  if (rest > 0) listed.push(`… and ${rest.toLocaleString('en-US')} more`)
  return listed
}

const needsCut = (texts: readonly string[] | undefined, max = MAX_EVENT_LIST_ITEMS): boolean =>
  texts !== undefined && (texts.length > max || texts.some((t) => t.length > MAX_EVENT_TEXT_CHARS))

function boundDigest(d: PlacementDigest): PlacementDigest {
  const longGroup = d.unplacedGroups.some((g) => g.summary.length > MAX_EVENT_TEXT_CHARS)
  const longListed =
    d.unplacedListed.length > DIGEST_UNPLACED_LISTED ||
    d.unplacedListed.some(
      (u) =>
        u.summary.length > MAX_EVENT_TEXT_CHARS ||
        u.reasons.length > MAX_EVENT_LIST_ITEMS ||
        u.reasons.some((r) => r.reason.length > MAX_PROBLEM_TEXT_CHARS),
    )
  if (!longGroup && !longListed && !needsCut(d.refusedFor)) return d
  return {
    ...d,
    unplacedGroups: longGroup
      ? d.unplacedGroups.map((g) => ({ ...g, summary: cut(g.summary) }))
      : d.unplacedGroups,
    unplacedListed: d.unplacedListed.slice(0, DIGEST_UNPLACED_LISTED).map((u) => ({
      ...u,
      summary: cut(u.summary),
      reasons: u.reasons
        .slice(0, MAX_EVENT_LIST_ITEMS)
        .map((r) => ({ ...r, reason: cutText(r.reason, MAX_PROBLEM_TEXT_CHARS) })),
    })),
    ...(d.refusedFor ? { refusedFor: boundedTexts(d.refusedFor) } : {}),
  }
}

function boundTenantView(v: TenantView): TenantView {
  const longExplanation = v.explanations.some(
    (e) => e.summary.length > MAX_EVENT_TEXT_CHARS || needsCut(e.reasons),
  )
  const listed = v.instances.length
  const zoneIds = v.zones.reduce((n, z) => n + z.instanceIds.length, 0)
  const overLimit = v.explanations.length > v.instanceLimit || zoneIds > listed
  if (!longExplanation && !overLimit) return v
  const shown = new Set(v.instances.map((i) => i.id))
  return {
    ...v,
    // a zone names the listed instances only (the view lists at most `instanceLimit`)
    zones:
      zoneIds > listed
        ? v.zones.map((z) => ({ ...z, instanceIds: z.instanceIds.filter((id) => shown.has(id)) }))
        : v.zones,
    explanations: v.explanations.slice(0, v.instanceLimit).map((e) => ({
      ...e,
      summary: cut(e.summary),
      reasons: boundedTexts(e.reasons),
    })),
  }
}

/**
 * Every event's bound. Typed by `EventName`: a new event does not compile until it declares
 * one (and `events.test.ts` checks every name in `EVENT_NAMES` has one at run time).
 */
export const EVENT_BOUNDS: { [E in EventName]: EventBound<E> } = {
  'design:changed': {
    limit:
      'problems as boundedProblems lists them (at most 251 entries of 500 + 500 characters) beside their counts; ' +
      'element ids, meta and simulation settings are the design’s own (its caps); notices at most 20, each cut',
    bound: (p) => {
      const problems =
        p.problems.length > MAX_BOUNDED_PROBLEMS ||
        p.problems.some(
          (x) =>
            x.message.length > MAX_PROBLEM_TEXT_CHARS || x.path.length > MAX_PROBLEM_TEXT_CHARS,
        )
      if (!problems && !needsCut(p.notices)) return p
      return {
        ...p,
        ...(problems ? { problems: boundedProblems(p.problems) } : {}),
        ...(p.notices ? { notices: boundedTexts(p.notices) } : {}),
      }
    },
  },
  'app:menu': {
    limit: 'one menu command, a fixed word',
    bound: (p) => p,
  },
  'files:autosave': {
    limit: 'message cut to 1,000 characters',
    bound: (p) =>
      p.message !== undefined && p.message.length > MAX_EVENT_TEXT_CHARS
        ? { ...p, message: cut(p.message) }
        : p,
  },
  'reports:progress': {
    limit: 'a server-made job id (cut to 100 characters), a stage and a fraction',
    bound: (p) =>
      p.jobId.length > MAX_EVENT_ID_CHARS
        ? { ...p, jobId: cutText(p.jobId, MAX_EVENT_ID_CHARS) }
        : p,
  },
  'scheduler:placed': {
    limit:
      'columns of the design’s hosts and instances (its caps); at most 100 unplaced instances listed, ' +
      'each with at most 20 reasons, summaries cut to 1,000 characters; at most 20 refusal kinds',
    bound: boundDigest,
  },
  'simulation:progress': {
    limit:
      'the run’s error and policy cut to 1,000 characters; live series of the design’s hosts and tenants',
    bound: (p) => boundRunInfo(p),
  },
  'simulation:finished': {
    limit: 'the run’s error and policy cut to 1,000 characters',
    bound: (p) => boundRunInfo(p),
  },
  'tenancy:changed': {
    limit:
      'a revision; a tenant’s view lists at most instanceLimit instances, explanations and zone members, ' +
      'each explanation cut to 1,000 characters and 20 reasons',
    bound: (p) => (p.view ? withView(p, boundTenantView(p.view)) : p),
  },
  'experiments:progress': {
    limit: 'message cut to 1,000 characters; at most 20 warnings and a count of the rest, each cut',
    bound: (p) =>
      (p.message !== undefined && p.message.length > MAX_EVENT_TEXT_CHARS) ||
      needsCut(p.warnings, MAX_EXPERIMENT_WARNINGS + 1)
        ? {
            ...p,
            ...(p.message !== undefined ? { message: cut(p.message) } : {}),
            ...(p.warnings
              ? { warnings: boundedTexts(p.warnings, MAX_EXPERIMENT_WARNINGS + 1) }
              : {}),
          }
        : p,
  },
}

function withView<T extends { view?: TenantView }>(p: T, view: TenantView): T {
  return view === p.view ? p : { ...p, view }
}

function boundRunInfo<T extends { error?: string; policy: string }>(p: T): T {
  if ((p.error?.length ?? 0) <= MAX_EVENT_TEXT_CHARS && p.policy.length <= MAX_EVENT_TEXT_CHARS)
    return p
  return {
    ...p,
    policy: cut(p.policy),
    ...(p.error !== undefined ? { error: cut(p.error) } : {}),
  }
}

/** `payload` as event `event` is delivered: cut to its declared bound ({@link EVENT_BOUNDS}). */
export function boundedEvent<E extends EventName>(
  event: E,
  payload: EventPayloads[E],
): EventPayloads[E] {
  const entry = EVENT_BOUNDS[event] as EventBound<E> | undefined
  return entry ? entry.bound(payload) : payload
}
