/**
 * What the `strata` CLI prints is safe for a terminal: a design's names and ids are the
 * user's (or an attacker's) text, and a control character in them would be obeyed by the
 * terminal (review s7a #5: a design name set the window title, cleared the screen and turned
 * the text red; an OSC 8 sequence made a hidden hyperlink; U+202E reversed the line). Every
 * line goes through `terminalSafe` (`runCli` wraps the command's output), so every command and
 * message is covered, whatever it quotes.
 */

/**
 * C0 controls but tab and line feed, DEL, C1 controls, and the bidirectional marks, embeddings,
 * overrides and isolates (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069).
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/**
 * `text` with each unsafe character shown as a visible `\uXXXX` escape (ESC is `\u001b`), so a
 * name still reads as what it is; the same form as a JSON string escape, so printed JSON stays
 * JSON with the same value. Tabs and line feeds are kept.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
