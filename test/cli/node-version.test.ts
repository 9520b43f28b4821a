/** The Node version Strata states (package.json engines, README) and checks at start. */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { NODE_RANGE, nodeSupported, nodeVersionProblem } from '../../scripts/node-version.mjs'

const root = join(__dirname, '..', '..')

describe('the supported Node versions', () => {
  it('are the ones package.json and the README state', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      engines: { node: string }
    }
    expect(pkg.engines.node).toBe(NODE_RANGE)
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(NODE_RANGE)
  })

  // The floors are Vite's and ESLint's engines: ^20.19.0 || >=22.12.0 and ^20.19.0 || ^22.13.0 || >=24.
  it.each([
    ['v18.20.8', false],
    ['v20.18.3', false],
    ['v20.19.0', true],
    ['v20.20.2', true],
    ['v21.7.3', false],
    ['v22.12.0', false],
    ['v22.13.0', true],
    ['v24.1.0', true],
    ['26.0.0', true],
  ])('Node %s supported: %s', (version, supported) => {
    expect(nodeSupported(version)).toBe(supported)
    expect(nodeVersionProblem(version) === undefined).toBe(supported)
  })

  it('names the running version and what to do on an older one', () => {
    const message = nodeVersionProblem('v18.20.8') ?? ''
    expect(message).toContain('v18.20.8')
    expect(message).toContain('20.19')
    expect(message).toContain('npm ci')
  })

  it('stops `npm start` and `strata` on an older Node before anything else runs', () => {
    // Pretend to be Node 18: process.version is read by the check, nothing else changes.
    for (const entry of ['scripts/start.mjs', 'bin/strata.js']) {
      const result = spawnSync(
        process.execPath,
        [
          '--import',
          'data:text/javascript,Object.defineProperty(process,"version",{value:"v18.20.8"})',
          entry,
          'help',
        ],
        { cwd: root, encoding: 'utf8' },
      )
      expect(result.status, entry).toBe(1)
      expect(result.stderr, entry).toContain('Strata needs Node.js')
      expect(result.stdout, entry).toBe('')
    }
  })
})
