/**
 * Text shown to people (names, ids) must show what it holds (review s11 #5): C0 and C1
 * control characters (NUL, ESC, newline: terminal escapes, broken CSV rows) and the Unicode
 * bidirectional controls (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates,
 * U+200E/U+200F/U+061C marks; "Trojan Source", CVE-2021-42574) make a name show in another
 * order or another form than it is, in the app, reports and CSV alike. They are refused at the
 * schema, one place for files, imports, edits and tenants.
 */
import type { z } from 'zod'

/** Every refused character, in order (for tests and docs). */
export const UNSAFE_TEXT_CHARS: readonly string[] = [
  ...Array.from({ length: 0x20 }, (_, c) => String.fromCharCode(c)),
  ...Array.from({ length: 0x21 }, (_, c) => String.fromCharCode(0x7f + c)),
  '\u061c',
  '\u200e',
  '\u200f',
  ...Array.from({ length: 5 }, (_, c) => String.fromCharCode(0x202a + c)),
  ...Array.from({ length: 4 }, (_, c) => String.fromCharCode(0x2066 + c)),
]

const UNSAFE = new RegExp(
  `[${UNSAFE_TEXT_CHARS.map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`,
)

/** The first refused character of `text` as `U+202E`, or undefined. */
export function unsafeChar(text: string): string | undefined {
  const found = UNSAFE.exec(text)?.[0]
  return found === undefined
    ? undefined
    : `U+${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
}

/** A string schema refusing control and bidirectional-override characters, naming the first. */
export function shownText<T extends z.ZodString>(schema: T): T {
  return schema.superRefine((text, ctx) => {
    const bad = unsafeChar(text)
    if (bad)
      ctx.addIssue({
        code: 'custom',
        message: `contains ${bad} (a control or bidirectional-override character); remove it`,
      })
  })
}
