/**
 * The renderer's page carries its CSP as a <meta http-equiv> (issue 11), so the policy applies
 * where no response header does (the packaged Electron app loads file://), and it is the same
 * policy the web host sends as a header, less `frame-ancestors`, which a meta tag cannot carry.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { WEB_CSP } from '../../src/main/web/static-files'

const ROOT = join(__dirname, '../..')

function metaCsp(html: string): string | undefined {
  const tag = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html)
  return tag?.[1]
}

const directives = (csp: string): string[] =>
  csp
    .split(';')
    .map((d) => d.trim().replace(/\s+/g, ' '))
    .filter(Boolean)
    .sort()

const headerLessFrameAncestors = directives(WEB_CSP).filter((d) => !d.startsWith('frame-ancestors'))

describe('the CSP meta tag', () => {
  it('in the renderer’s index.html equals the web host’s header (less frame-ancestors)', () => {
    const csp = metaCsp(readFileSync(join(ROOT, 'src/renderer/index.html'), 'utf8'))
    expect(csp).toBeDefined()
    expect(directives(csp ?? '')).toEqual(headerLessFrameAncestors)
  })

  it.runIf(existsSync(join(ROOT, 'out/renderer/index.html')))(
    'is in the built index.html the packaged app loads',
    () => {
      const csp = metaCsp(readFileSync(join(ROOT, 'out/renderer/index.html'), 'utf8'))
      expect(directives(csp ?? '')).toEqual(headerLessFrameAncestors)
    },
  )
})
