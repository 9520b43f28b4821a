/**
 * The planning problems of `experiments:start` in the panel's words: a problem at
 * `vary["racks[*].cpuAllocationRatio"][0]` is about the first value the user typed in the
 * factor row with that path, so it reads `factor 1, value 'abc': …` with the text they typed;
 * `repeat` is the Repetitions field. Others keep their path.
 */
import type { Problem } from '../../../../shared/contract'
import { factorValueEcho } from '../../../../shared/experiment/spec'
import { parseFactorValue, type FactorDraft } from '../../stores/experiment-factors'

/** `vary["<path>"]` or `vary["<path>"][<index>]`, the path as a JSON string. */
const VARY_PATH = /^vary\[("(?:[^"\\]|\\.)*")\](?:\[(\d+)\])?$/

/** Longest typed value echoed in a line (characters). */
const MAX_ECHO_CHARS = 40

const cut = (text: string): string =>
  text.length > MAX_ECHO_CHARS ? `${text.slice(0, MAX_ECHO_CHARS)}…` : text

/** One line per problem, naming the panel row (numbered from 1) and the typed value. */
export function panelProblemLines(
  problems: readonly Problem[],
  drafts: readonly FactorDraft[],
): string[] {
  return problems.map((p) => {
    if (p.path === 'repeat') return `Repetitions: ${p.message}`
    const m = VARY_PATH.exec(p.path)
    if (!m) return p.path ? `${p.path}: ${p.message}` : p.message
    const path = JSON.parse(m[1] as string) as string
    const row = drafts.findIndex((d) => d.path.trim() === path)
    if (row < 0) return `${p.path}: ${p.message}`
    if (m[2] === undefined) return `factor ${row + 1}: ${p.message}`
    const typed = (drafts[row]?.values.split(',')[Number(m[2])] ?? '').trim()
    const echo = `${factorValueEcho(parseFactorValue(typed))}: `
    const detail = p.message.startsWith(echo) ? p.message.slice(echo.length) : p.message
    return `factor ${row + 1}, value '${cut(typed)}': ${detail}`
  })
}
