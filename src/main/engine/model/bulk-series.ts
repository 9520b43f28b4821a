/**
 * The fast path of `parseDesign` for a design's bulk number series (trace samples): checking
 * 300,000 samples one by one through zod takes most of the time of opening a PlanetLab design.
 * A series that is a plain array of finite numbers within its schema's bounds and length
 * limits is checked here by one loop and handed to zod as a short stand-in, then put back (a
 * copy) into the parsed design; a series that fails the loop is left in place, so zod reports
 * its problems exactly as without the fast path. The bounds are read from each series' own
 * zod schema (through its JSON Schema), and a schema with any rule this loop does not know
 * gets no fast path.
 */
import { z } from 'zod'
import { traceSchema } from '../../../shared/design/schema'
import { trafficTraceSchema } from '../../../shared/design/network-traffic'

/** What a fast-checkable series schema allows. */
interface SeriesRule {
  minimum: number
  maximum: number
  minItems: number
  maxItems: number
}

const ARRAY_KEYS = new Set(['type', 'items', 'minItems', 'maxItems', '$schema'])
const ITEM_KEYS = new Set(['type', 'minimum', 'maximum'])

/** The rule of `schema` if it is an array of bounded numbers and nothing more, else undefined. */
export function seriesRule(schema: z.ZodType): SeriesRule | undefined {
  const json = z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown>
  const items = json.items as Record<string, unknown> | undefined
  if (json.type !== 'array' || !items || items.type !== 'number') return undefined
  if (Object.keys(json).some((k) => !ARRAY_KEYS.has(k))) return undefined
  if (Object.keys(items).some((k) => !ITEM_KEYS.has(k))) return undefined
  const num = (x: unknown, fallback: number): number => (typeof x === 'number' ? x : fallback)
  return {
    minimum: num(items.minimum, -Number.MAX_VALUE),
    maximum: num(items.maximum, Number.MAX_VALUE),
    minItems: num(json.minItems, 0),
    maxItems: num(json.maxItems, Number.MAX_SAFE_INTEGER),
  }
}

/** Whether `value` passes `rule`: then zod would accept it unchanged. */
function passes(value: unknown, rule: SeriesRule): value is number[] {
  if (!Array.isArray(value)) return false
  if (value.length < rule.minItems || value.length > rule.maxItems) return false
  for (let i = 0; i < value.length; i++) {
    const x: unknown = value[i]
    if (typeof x !== 'number' || !(x >= rule.minimum && x <= rule.maximum)) return false
  }
  return true
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x)

/** Where bulk series live: a collection, the path to the series object in each item, a field. */
interface SeriesPlace {
  collection: string
  path: string[]
  field: string
  rule: SeriesRule | undefined
}

let places: SeriesPlace[] | undefined

function seriesPlaces(): SeriesPlace[] {
  places ??= [
    { collection: 'traces', path: [], field: 'cpuPercent', schema: traceSchema.shape.cpuPercent },
    {
      collection: 'traces',
      path: [],
      field: 'memoryPercent',
      schema: traceSchema.shape.memoryPercent.unwrap(),
    },
    {
      collection: 'workloads',
      path: ['traffic', 'trace'],
      field: 'percent',
      schema: trafficTraceSchema.shape.percent,
    },
  ].map(({ schema, ...p }) => ({ ...p, rule: seriesRule(schema) }))
  return places
}

/** A series taken out of the document: where to put it back. */
interface TakenSeries {
  collection: string
  index: number
  path: string[]
  field: string
  values: number[]
}

/**
 * A copy of `raw` (the objects on the way to each series copied, nothing mutated) in which
 * every series that passes its rule is replaced by its first `minItems` values, and the
 * series taken out.
 */
export function takeBulkSeries(raw: unknown): { document: unknown; taken: TakenSeries[] } {
  const taken: TakenSeries[] = []
  if (!isRecord(raw)) return { document: raw, taken }
  const document: Record<string, unknown> = { ...raw }
  for (const place of seriesPlaces()) {
    const rule = place.rule
    const list = document[place.collection]
    if (!rule || !Array.isArray(list)) continue
    let copied: unknown[] | undefined
    for (let index = 0; index < list.length; index++) {
      const chain: Array<Record<string, unknown>> = []
      let node: unknown = (copied ?? list)[index]
      for (const key of place.path) {
        if (!isRecord(node)) break
        chain.push(node)
        node = node[key]
      }
      if (chain.length !== place.path.length || !isRecord(node)) continue
      const values = node[place.field]
      if (!passes(values, rule)) continue
      // Copy the item and every object down to the series, then swap in the stand-in.
      copied ??= list.slice()
      let parent: Record<string, unknown> = {
        ...node,
        [place.field]: values.slice(0, rule.minItems),
      }
      for (let k = chain.length - 1; k >= 0; k--)
        parent = { ...(chain[k] as Record<string, unknown>), [place.path[k] as string]: parent }
      copied[index] = parent
      taken.push({
        collection: place.collection,
        index,
        path: place.path,
        field: place.field,
        values,
      })
    }
    if (copied) document[place.collection] = copied
  }
  return { document, taken }
}

/** Puts the taken series back (copies) into the parsed design. */
export function restoreBulkSeries(parsed: Record<string, unknown>, taken: TakenSeries[]): void {
  for (const t of taken) {
    let node = (parsed[t.collection] as unknown[])[t.index] as Record<string, unknown>
    for (const key of t.path) node = node[key] as Record<string, unknown>
    node[t.field] = t.values.slice()
  }
}
