/**
 * The README's `strata` reference, made from the commands' own definitions (usage, summary and
 * the option specs they parse with and `--help` prints), so the README cannot drift from the
 * parser: `npm run cli-reference` writes it between `REFERENCE_START` and `REFERENCE_END`, and
 * `test/cli/cli-reference.test.ts` fails when the README's copy is not current.
 */
import type { CliCommand } from './command'

/** The line before the generated block (an HTML comment: invisible on GitHub). */
export const REFERENCE_START =
  '<!-- cli-reference: made by `npm run cli-reference` from src/main/cli/commands; edit those, not this -->'
/** The line after it. */
export const REFERENCE_END = '<!-- /cli-reference -->'

/** Text for a table cell: `|` escaped, and no line breaks. */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ')

/** Inline code in a table cell, `|` escaped. */
const code = (text: string): string => `\`${cell(text)}\``

/**
 * The block's Markdown (unformatted; the script and the test pass it through Prettier): a table
 * of every command's usage and summary, then one table per command with options, each option
 * with its value, meaning and default as `--help` says them.
 */
export function cliReferenceMarkdown(commands: readonly CliCommand[]): string {
  const lines = ['| command | what it does |', '| --- | --- |']
  for (const c of commands) {
    const usages = c.usage.split('\n').map((u) => code(u.trim()))
    lines.push(`| ${usages.join('<br>')} | ${cell(c.summary)} |`)
  }
  for (const c of commands) {
    const options = Object.entries(c.options ?? {})
    if (options.length === 0) continue
    lines.push('', `Options of \`strata ${c.name}\`:`, '')
    lines.push('| option | meaning | default |', '| --- | --- | --- |')
    for (const [name, o] of options) {
      const flag = `${o.short ? `-${o.short}, ` : ''}--${name}${o.value ? ` ${o.value}` : ''}`
      lines.push(`| ${code(flag)} | ${cell(o.help ?? '')} | ${cell(o.defaultText ?? '')} |`)
    }
  }
  return lines.join('\n')
}

/**
 * `readme` with its block replaced by `block`; an error when either marker is missing or they
 * are out of order.
 */
export function withReference(readme: string, block: string): string {
  const start = readme.indexOf(REFERENCE_START)
  const end = readme.indexOf(REFERENCE_END)
  if (start < 0 || end < start)
    throw new Error(`README.md has no "${REFERENCE_START}" … "${REFERENCE_END}" block`)
  const before = readme.slice(0, start + REFERENCE_START.length)
  return `${before}\n\n${block.trim()}\n\n${readme.slice(end)}`
}
