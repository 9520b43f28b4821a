/**
 * Paths into a design document, as an experiment's factors name them, and their
 * application to a design (pure, copy-on-write: untouched parts keep their identity).
 *
 * Grammar: `segment ('.' segment)*`, a segment is a field name followed by any number of
 * selectors: `[N]` (index), `[*]` (every element) or `[field=value]` (every element whose
 * `field` reads `value` as text). Examples: `simulation.policy`, `simulation.seed`,
 * `racks[*].cpuAllocationRatio`, `workloads[id=web].count`, `hosts[0].memoryMiB`.
 */

/** One step of a path. */
export type PathStep =
  | { kind: 'field'; name: string }
  | { kind: 'index'; index: number }
  | { kind: 'all' }
  | { kind: 'match'; field: string; value: string }

export type ParsedPath = { ok: true; steps: PathStep[] } | { ok: false; message: string }

const NAME = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/** Parses a design path; an error names the offending character position. */
export function parseDesignPath(text: string): ParsedPath {
  const steps: PathStep[] = []
  let i = 0
  const fail = (what: string): ParsedPath => ({
    ok: false,
    message: `bad path "${text.length > 80 ? `${text.slice(0, 80)}…` : text}" at character ${i + 1}: ${what}`,
  })
  if (text.length === 0) return { ok: false, message: 'a path must not be empty' }
  while (i < text.length) {
    let j = i
    while (j < text.length && text[j] !== '.' && text[j] !== '[') j++
    const name = text.slice(i, j)
    if (!NAME.test(name)) return fail('expected a field name')
    steps.push({ kind: 'field', name })
    i = j
    while (text[i] === '[') {
      const close = text.indexOf(']', i)
      if (close < 0) return fail('"[" without "]"')
      const inner = text.slice(i + 1, close)
      if (inner === '*') steps.push({ kind: 'all' })
      else if (/^\d+$/.test(inner)) steps.push({ kind: 'index', index: Number(inner) })
      else {
        const eq = inner.indexOf('=')
        const field = inner.slice(0, eq)
        if (eq <= 0 || !NAME.test(field) || eq === inner.length - 1)
          return fail('expected [N], [*] or [field=value]')
        steps.push({ kind: 'match', field, value: inner.slice(eq + 1) })
      }
      i = close + 1
    }
    if (i < text.length) {
      if (text[i] !== '.') return fail('expected "." or "["')
      i++
      if (i === text.length) return fail('a path must not end with "."')
    }
  }
  return { ok: true, steps }
}

export type Applied<T> = { ok: true; value: T } | { ok: false; message: string }

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x)

function describe(steps: readonly PathStep[], upTo: number): string {
  let out = ''
  for (const s of steps.slice(0, upTo)) {
    if (s.kind === 'field') out += out ? `.${s.name}` : s.name
    else if (s.kind === 'index') out += `[${s.index}]`
    else if (s.kind === 'all') out += '[*]'
    else out += `[${s.field}=${s.value}]`
  }
  return out || '(document)'
}

function setAt(node: unknown, steps: readonly PathStep[], at: number, value: unknown): unknown {
  const step = steps[at]
  if (!step) return value
  const where = (): string => describe(steps, at)
  if (step.kind === 'field') {
    if (!isRecord(node)) throw new Error(`${where()} is not an object`)
    const last = at === steps.length - 1
    if (!last && !(step.name in node))
      throw new Error(`${describe(steps, at + 1)} does not exist in the design`)
    return { ...node, [step.name]: setAt(node[step.name], steps, at + 1, value) }
  }
  if (!Array.isArray(node)) throw new Error(`${where()} is not a list`)
  if (step.kind === 'index') {
    if (step.index >= node.length)
      throw new Error(`${describe(steps, at + 1)} is past the end (${node.length} elements)`)
    const copy = node.slice()
    copy[step.index] = setAt(node[step.index], steps, at + 1, value)
    return copy
  }
  let matched = 0
  const copy = node.map((element: unknown) => {
    if (step.kind === 'match') {
      if (!isRecord(element) || !(step.field in element)) return element
      const v = element[step.field]
      if (typeof v === 'object' || String(v) !== step.value) return element
    }
    matched++
    return setAt(element, steps, at + 1, value)
  })
  if (matched === 0) throw new Error(`${describe(steps, at + 1)} matches no element`)
  return copy
}

/**
 * Sets every place `steps` selects to `value` (a JSON value), copying only the objects and
 * lists on the way. Fails with a message naming the path prefix that does not exist, is not a
 * list/object, or matches nothing. The result is not validated: check it as a design.
 */
export function applyDesignPath<T>(
  design: T,
  steps: readonly PathStep[],
  value: unknown,
): Applied<T> {
  try {
    return { ok: true, value: setAt(design, steps, 0, value) as T }
  } catch (error) {
    return { ok: false, message: (error as Error).message }
  }
}
