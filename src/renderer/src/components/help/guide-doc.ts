/**
 * The guides of Help (`docs/guide/getting-started.md`, `docs/guide/virtualization-layers.md`),
 * bundled as text and parsed by
 * `marked`'s lexer into tokens the Help panel renders as Vue elements (no HTML strings).
 * Headings get GitHub-style anchors, so links into the guide (the stack view's `?` buttons)
 * read the same in the app and on GitHub.
 */
import { marked, type Token, type Tokens } from 'marked'
import guideText from '../../../../../docs/guide/virtualization-layers.md?raw'
import startText from '../../../../../docs/guide/getting-started.md?raw'

/** The markdown of each guide page of Help (the metrics page is rendered from the glossary). */
export const GUIDE_TEXTS = { start: startText, virtualization: guideText } as const

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to hyphens. */
export function slugOf(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-')
}

/** One section of the guide (a level-2 heading) for the contents list. */
export interface GuideSection {
  anchor: string
  title: string
}

/** The guide's tokens and its sections. */
export interface GuideDoc {
  tokens: Token[]
  sections: GuideSection[]
  title: string
}

/** Parses a guide's markdown (the bundled one by default). */
export function parseGuide(text: string = guideText): GuideDoc {
  const tokens = marked.lexer(text)
  const headings = tokens.filter((t): t is Tokens.Heading => t.type === 'heading')
  return {
    tokens: tokens.filter((t) => !(t.type === 'heading' && t.depth === 1)),
    sections: headings
      .filter((h) => h.depth === 2)
      .map((h) => ({ anchor: slugOf(h.text), title: h.text })),
    title: headings.find((h) => h.depth === 1)?.text ?? 'Guide',
  }
}
