/**
 * Reading one WebSocket message as a contract call envelope `{id, name, request}`, with the
 * nesting limit enforced on the text before `JSON.parse` builds anything. Never throws:
 * anything else is a typed refusal that names what was wrong.
 */

/** Deepest nesting of arrays and objects a message may have (a design is about 8 deep). */
export const MAX_MESSAGE_DEPTH = 64
/** Longest call id the server echoes back. */
const MAX_ID_CHARS = 100

export interface Envelope {
  id: number | string | null
  name: string
  request: unknown
}

export type EnvelopeResult =
  { ok: true; envelope: Envelope } | { ok: false; id: number | string | null; message: string }

/**
 * The nesting depth of JSON text (brackets outside strings), stopping as soon as it exceeds
 * `limit`; linear in the text, no recursion.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c)
        i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
      continue
    }
    if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true
    } else if (c === 0x7d || c === 0x5d) depth--
  }
  return false
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function readId(value: unknown): number | string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'string' && value.length <= MAX_ID_CHARS) return value
  return null
}

/** Parses a text message into an envelope, or says why it is not one. */
export function parseEnvelope(text: string): EnvelopeResult {
  if (jsonDepthExceeds(text, MAX_MESSAGE_DEPTH))
    return {
      ok: false,
      id: null,
      message: `the message is nested more than ${MAX_MESSAGE_DEPTH} levels deep`,
    }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, id: null, message: 'the message is not JSON' }
  }
  if (!isPlainObject(value))
    return { ok: false, id: null, message: 'the message must be a JSON object {id, name, request}' }
  const id = readId(value.id)
  if (id === null)
    return {
      ok: false,
      id: null,
      message: `"id" must be a finite number or a string of at most ${MAX_ID_CHARS} characters`,
    }
  const extra = Object.keys(value).filter((k) => k !== 'id' && k !== 'name' && k !== 'request')
  if (extra.length > 0)
    return {
      ok: false,
      id,
      message: `unexpected field "${extra[0]?.slice(0, 40)}" in the message; only id, name, request`,
    }
  if (typeof value.name !== 'string')
    return { ok: false, id, message: '"name" must be the name of a call, a string' }
  if (value.request !== undefined && !isPlainObject(value.request))
    return { ok: false, id, message: '"request" must be a JSON object' }
  return { ok: true, envelope: { id, name: value.name, request: value.request ?? {} } }
}
