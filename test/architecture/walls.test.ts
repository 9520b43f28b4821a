/**
 * The walls of docs/DESIGN.md hold: each planted violation below, linted through ESLint's Node
 * API with the project's own eslint.config.js as if it were the named file, makes its wall's
 * rule fire, and each clean control fires no wall. Paths are resolved, so a roundabout relative
 * path does not dodge a wall and a folder merely named `main` does not trip one.
 *
 * To add a wall: add it to eslint/wall-table.js and a planted case here (a test checks, from
 * the configuration ESLint computes, that every wall has one).
 */
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

/**
 * A violation: `source` written in `file` must trip `wall`, a row of eslint/wall-table.js
 * (rule `strata/walls`); or, with `rule`, that ESLint rule (e.g. `strata/no-computed-import`,
 * `no-restricted-imports`).
 */
interface Planted {
  wall: string
  rule?: string
  file: string
  source: string
}

const PLANTED: Planted[] = [
  // engine: imports only src/shared and itself; no electron, no Node built-ins
  {
    wall: 'engine-pure',
    file: 'src/main/engine/model/x.ts',
    source: `import { readFileSync } from 'node:fs'`,
  },
  { wall: 'engine-pure', file: 'src/main/engine/model/x.ts', source: `const fs = require('fs')` },
  {
    wall: 'engine-pure',
    file: 'src/main/engine/x.ts',
    source: `import { ipcMain } from 'electron'`,
  },
  {
    wall: 'engine-pure',
    file: 'src/main/engine/simulation/x.ts',
    source: `import { startServices } from '../../services'`,
  },
  {
    wall: 'engine-pure',
    file: 'src/main/engine/simulation/x.ts',
    source: `import { x } from '../../../../test/support/engine/random-run'`,
  },
  // shared: imports only itself
  {
    wall: 'shared-pure',
    file: 'src/shared/design/x.ts',
    source: `import type { X } from '../../main/engine/model/parse'`,
  },
  { wall: 'shared-pure', file: 'src/shared/contract/x.ts', source: `import os from 'os'` },
  // renderer never imports main (or preload), electron or Node built-ins
  {
    wall: 'renderer-main',
    file: 'src/renderer/src/stores/x.ts',
    source: `import { startServices } from '../../../main/services'`,
  },
  {
    wall: 'renderer-main',
    file: 'src/renderer/src/stores/x.ts',
    source: `import type { AppContext } from '../../../main/services/context'`,
  },
  {
    wall: 'renderer-main',
    file: 'src/renderer/src/stores/x.ts',
    source: `import { y } from '../../../renderer/../main/engine'`,
  },
  {
    wall: 'renderer-main',
    file: 'src/renderer/src/stores/x.ts',
    source: `export * from '../../../preload'`,
  },
  {
    wall: 'renderer-main',
    file: 'src/renderer/src/stores/x.ts',
    source: `const m = await import('../../../main/engine')`,
  },
  {
    wall: 'renderer-main',
    file: 'src/renderer/src/stores/x.ts',
    source: `type P = import('../../../main/services/paths').X`,
  },
  { wall: 'renderer-main', file: 'src/renderer/src/api/x.ts', source: `import path from 'path'` },
  {
    wall: 'renderer-main',
    file: 'src/renderer/src/api/x.ts',
    source: `import { ipcRenderer } from 'electron'`,
  },
  {
    wall: 'renderer-main',
    file: 'src/renderer/src/components/PlantedPanel.vue',
    source: `<script setup lang="ts">\nimport { readFileSync } from 'node:fs'\nreadFileSync('x')\n</script>\n<template><div /></template>\n`,
  },
  // the preload bundles electron and the zod-free contract calls, nothing else
  {
    wall: 'preload-bridge',
    file: 'src/preload/x.ts',
    source: `import { startServices } from '../main/services'`,
  },
  { wall: 'preload-bridge', file: 'src/preload/x.ts', source: `import { z } from 'zod'` },
  {
    wall: 'preload-bridge',
    file: 'src/preload/x.ts',
    source: `import { designSchemas } from '../shared/contract/schemas/design'`,
  },
  // Cytoscape only inside the canvas adapter
  {
    wall: 'cytoscape-canvas',
    file: 'src/renderer/src/stores/x.ts',
    source: `import cytoscape from 'cytoscape'`,
  },
  {
    wall: 'cytoscape-canvas',
    file: 'src/renderer/src/components/x.ts',
    source: `import type { Core } from 'cytoscape'`,
  },
  {
    wall: 'cytoscape-canvas',
    file: 'src/renderer/src/components/x.ts',
    source: `import eh from 'cytoscape-edgehandles'`,
  },
  // electron only in src/main/app, src/main/ipc and src/preload
  {
    wall: 'electron-shells',
    file: 'src/main/services/x.ts',
    source: `import { dialog } from 'electron'`,
  },
  {
    wall: 'electron-shells',
    file: 'src/main/web/x.ts',
    source: `const { app } = require('electron')`,
  },
  {
    wall: 'electron-shells',
    file: 'src/main/cli/x.ts',
    source: `import type { BrowserWindow } from 'electron'`,
  },
  // no test library or test helper in production code
  {
    wall: 'test-code',
    file: 'src/main/engine/scheduler/random-design.test-util.ts',
    source: `import fc from 'fast-check'`,
  },
  { wall: 'test-code', file: 'src/main/services/x.ts', source: `import { vi } from 'vitest'` },
  {
    wall: 'test-code',
    file: 'src/main/services/x.ts',
    source: `import { expect } from '@playwright/test'`,
  },
  {
    wall: 'test-code',
    file: 'src/renderer/src/stores/x.ts',
    source: `import { mount } from '@vue/test-utils'`,
  },
  {
    wall: 'test-code',
    file: 'src/main/services/x.ts',
    source: `import { testServices } from '../../../test/support/services/test-services'`,
  },
  // renderer layers point one way: stores ↛ canvas/components, canvas ↛ stores/api,
  // drawing/ pure, components reach main only through stores
  {
    wall: 'stores-one-way',
    file: 'src/renderer/src/stores/x.ts',
    source: `import { TopologyCanvas } from '../canvas/topology-canvas'`,
  },
  {
    wall: 'stores-one-way',
    file: 'src/renderer/src/stores/x.ts',
    source: `import type { NodeFact } from '../../../renderer/src/canvas/test-hook-types'`,
  },
  {
    wall: 'stores-one-way',
    file: 'src/renderer/src/stores/x.ts',
    source: `import { openDesign } from '../components/shell/design-files'`,
  },
  {
    wall: 'drawing-pure',
    file: 'src/renderer/src/drawing/x.ts',
    source: `import { isContainer } from '../canvas/elements'`,
  },
  {
    wall: 'drawing-pure',
    file: 'src/renderer/src/drawing/x.ts',
    source: `import { computed } from 'vue'`,
  },
  {
    wall: 'canvas-adapter',
    file: 'src/renderer/src/canvas/x.ts',
    source: `import { useDesignStore } from '../stores/design'`,
  },
  {
    wall: 'canvas-adapter',
    file: 'src/renderer/src/canvas/x.ts',
    source: `import { api } from '../api'`,
  },
  {
    wall: 'components-through-stores',
    file: 'src/renderer/src/components/shell/x.ts',
    source: `import { api } from '../../api'`,
  },
  {
    wall: 'components-through-stores',
    file: 'src/renderer/src/components/dialogs/PlantedDialog.vue',
    source: `<script setup lang="ts">\nimport { api } from '../../api/index'\nvoid api\n</script>\n<template><div /></template>\n`,
  },
  {
    wall: 'components-through-stores',
    file: 'src/renderer/src/App.vue',
    source: `<script setup lang="ts">\nimport { api } from './api'\nvoid api\n</script>\n<template><div /></template>\n`,
  },
  // a module named at run time hides from lint and typecheck (how helpers once hid renderer → main from the typecheck)
  {
    wall: 'computed-import',
    rule: 'strata/no-computed-import',
    file: 'src/renderer/src/stores/testing/x.ts',
    source: `const SERVICES = '../../../../main/services/index.ts'\nexport const m = await import(SERVICES)`,
  },
  {
    wall: 'computed-import',
    rule: 'strata/no-computed-import',
    file: 'test/support/x.ts',
    source: 'const name = "x"\nexport const m = await import(`./${name}`)',
  },
  // the engine takes its types from the domain, never from the contract
  {
    wall: 'engine-domain',
    file: 'src/main/engine/persistence/migrations/x.ts',
    source: `import type { Problem } from '../../../../shared/contract/result'`,
  },
  {
    wall: 'engine-domain',
    file: 'src/main/engine/x.ts',
    source: `import type { EditCommandInput } from '../../shared/contract/schemas/design'`,
  },
  // outside the engine, only its facade (src/main/engine/index.ts) is imported
  {
    wall: 'engine-facade',
    file: 'src/main/services/x.ts',
    source: `import { Simulation } from '../engine/simulation'`,
  },
  {
    wall: 'engine-facade',
    file: 'src/main/services/experiments/queue/x.ts',
    source: `import { issuesToProblems } from '../../../engine/model/parse'`,
  },
  {
    wall: 'engine-facade',
    file: 'src/main/cli/commands/x.ts',
    source: `export { importPlanetLab } from '../../engine/import/planetlab'`,
  },
  {
    wall: 'engine-facade',
    file: 'src/main/web/x.ts',
    source: `import type { ChartRenderer } from '../../main/engine/reports/html.ts'`,
  },
  {
    wall: 'engine-facade',
    file: 'src/main/services/x.ts',
    source: `const m = await import('../engine/persistence')`,
  },
  {
    wall: 'engine-facade',
    file: 'scripts/bench/lib/x.ts',
    source: `import { pabfdCounters } from '../../../src/main/engine/simulation/pabfd'`,
  },
  {
    wall: 'engine-facade',
    file: 'scripts/x.ts',
    source: `import { designJsonSchema } from '../src/main/engine/persistence/design-json-schema'`,
  },
  // dodges a wall must not allow (review of issue 13): every script extension under src is linted
  {
    wall: 'renderer-main',
    file: 'src/renderer/src/stores/x.js',
    source: `export * from '../../../main/engine'`,
  },
  {
    wall: 'renderer-main',
    file: 'src/renderer/src/stores/x.tsx',
    source: `export * from '../../../main/engine'`,
  },
  { wall: 'engine-pure', file: 'src/main/engine/x.mjs', source: `import fs from 'node:fs'` },
  // Vite's `?raw`/`?worker` queries, `#hash` and `file:` URLs name the same file
  {
    wall: 'renderer-main',
    file: 'src/renderer/src/stores/x.ts',
    source: `import m from '../../../main?raw'`,
  },
  {
    wall: 'renderer-main',
    file: 'src/renderer/src/stores/x.ts',
    source: `import m from '../../../main#x'`,
  },
  {
    wall: 'renderer-main',
    file: 'src/renderer/src/stores/x.ts',
    source: `import { x } from '${pathToFileURL(process.cwd()).href}/src/main/engine/index.ts'`,
  },
  // a package self-reference is a path inside the project
  {
    wall: 'renderer-main',
    file: 'src/renderer/src/stores/x.ts',
    source: `import { x } from 'strata/src/main/engine'`,
  },
  // Vite's module globs and worker URLs
  {
    wall: 'renderer-main',
    file: 'src/renderer/src/stores/x.ts',
    source: `export const m = import.meta.glob('../../../main/engine/**/*.ts')`,
  },
  {
    wall: 'engine-facade',
    file: 'src/main/services/x.ts',
    source: `export const m = import.meta.glob(['../engine/simulation/*.ts'], { eager: true })`,
  },
  {
    wall: 'renderer-main',
    file: 'src/renderer/src/stores/x.ts',
    source: `export const w = new Worker(new URL('../../../main/services/simulation/worker.ts', import.meta.url))`,
  },
  // require in every spelling
  {
    wall: 'electron-shells',
    file: 'src/main/services/x.ts',
    source: `import { createRequire } from 'node:module'\nexport const e = createRequire(import.meta.url)('electron')`,
  },
  {
    wall: 'electron-shells',
    file: 'src/main/services/x.ts',
    source: `import { createRequire } from 'node:module'\nconst r = createRequire(import.meta.url)\nexport const e = r('electron')`,
  },
  {
    wall: 'electron-shells',
    file: 'src/main/services/x.ts',
    source: `export const e = module.require('electron')`,
  },
  {
    wall: 'electron-shells',
    file: 'src/main/web/x.ts',
    source: `export const e = globalThis.require('electron')`,
  },
  {
    wall: 'engine-pure',
    file: 'src/main/engine/x.ts',
    source: `export const p = require.resolve('node:fs')`,
  },
  // a Vue SFC's external script
  {
    wall: 'renderer-main',
    file: 'src/renderer/src/components/PlantedSrc.vue',
    source: `<script src="../../../main/engine/index.ts"></script>\n<template><div /></template>\n`,
  },
  // triple-slash references and module declarations reach a module's types
  {
    wall: 'renderer-main',
    file: 'src/renderer/src/stores/x.ts',
    source: `/// <reference path="../../../main/engine/index.ts" />\nexport {}`,
  },
  {
    wall: 'renderer-main',
    file: 'src/renderer/src/stores/x.ts',
    source: `/// <reference types="electron" />\nexport {}`,
  },
  {
    wall: 'engine-pure',
    file: 'src/main/engine/x.ts',
    source: `/// <reference types="node" />\nexport {}`,
  },
  {
    wall: 'renderer-main',
    file: 'src/renderer/src/stores/x.ts',
    source: `declare module 'electron' {\n  interface Planted {\n    a: 1\n  }\n}\nexport {}`,
  },
  {
    wall: 'renderer-main',
    file: 'src/renderer/src/stores/x.ts',
    source: `declare module '../../../main/engine' {\n  interface Planted {\n    a: 1\n  }\n}\nexport {}`,
  },
  // a test file is exempt from the walls, so production may not import one
  {
    wall: 'test-code',
    file: 'src/renderer/src/stores/x.ts',
    source: `export { m } from './bridge.test'`,
  },
  {
    wall: 'test-code',
    file: 'src/main/services/x.ts',
    source: `import { m } from './bridge.spec.ts'`,
  },
  // a store may call the api but not pass it on to components
  {
    wall: 'stores-keep-api',
    file: 'src/renderer/src/stores/x.ts',
    source: `export { api } from '../api'`,
  },
  {
    wall: 'stores-keep-api',
    file: 'src/renderer/src/stores/x.ts',
    source: `export * from '../api'`,
  },
  {
    wall: 'stores-keep-api',
    file: 'src/renderer/src/stores/x.ts',
    source: `import { api as strata } from '../api'\nexport { strata }`,
  },
  {
    wall: 'stores-keep-api',
    file: 'src/renderer/src/stores/x.ts',
    source: `import { api } from '../api/index'\nexport default api`,
  },
]

/** Code that crosses no wall: no wall rule (`WALL_RULES`) may fire. */
const CLEAN: Array<{ why: string; file: string; source: string }> = [
  {
    why: 'the canvas adapter imports Cytoscape',
    file: 'src/renderer/src/canvas/x.ts',
    source: `import cytoscape from 'cytoscape'\nimport eh from 'cytoscape-edgehandles'`,
  },
  {
    why: 'the Electron shell imports electron',
    file: 'src/main/app/x.ts',
    source: `import { app } from 'electron'`,
  },
  {
    why: 'ipc imports electron',
    file: 'src/main/ipc/x.ts',
    source: `import { ipcMain } from 'electron'`,
  },
  {
    why: 'the preload imports electron and the contract',
    file: 'src/preload/x.ts',
    source: `import { contextBridge } from 'electron'\nimport { CALLS } from '../shared/contract'`,
  },
  {
    why: 'the engine imports shared, itself and zod',
    file: 'src/main/engine/model/x.ts',
    source: `import type { Design } from '../../../shared/design/schema'\nimport { seededRandom } from '../random'\nimport { z } from 'zod'`,
  },
  {
    why: 'a store imports the contract and the api',
    file: 'src/renderer/src/stores/x.ts',
    source: `import type { Result } from '../../../shared/contract'\nimport { api } from '../api'`,
  },
  {
    why: 'a renderer folder named main is not src/main',
    file: 'src/renderer/src/x.ts',
    source: `import './main'\nimport { y } from './main/y'`,
  },
  {
    why: 'services use Node',
    file: 'src/main/services/x.ts',
    source: `import { readFileSync } from 'node:fs'\nimport { Worker } from 'worker_threads'`,
  },
  {
    why: 'a test uses test libraries and helpers',
    file: 'src/main/services/x.test.ts',
    source: `import { it } from 'vitest'\nimport fc from 'fast-check'\nimport { testServices } from '../../../test/support/services/test-services'`,
  },
  {
    why: 'a renderer test may reach real services through test/support',
    file: 'src/renderer/src/components/x.test.ts',
    source: `import { startRealServices } from '../../../../test/support/renderer/real-services'`,
  },
  {
    why: 'test support may import main',
    file: 'test/support/renderer/x.ts',
    source: `import { startServices } from '../../../src/main/services'`,
  },
  {
    why: 'a dynamic import with a literal path',
    file: 'src/renderer/src/stores/x.ts',
    source: `export const m = await import('./design')`,
  },
  {
    why: 'a service imports the engine through its facade',
    file: 'src/main/services/x.ts',
    source: `import { Simulation } from '../engine'\nimport { hasErrors } from '../engine/index'\nimport type { RunRecord } from '../engine/index.ts'`,
  },
  {
    why: 'a script imports the engine through its facade',
    file: 'scripts/bench/x.ts',
    source: `import { simulate } from '../../src/main/engine'`,
  },
  {
    why: 'the engine imports its own parts',
    file: 'src/main/engine/reports/x.ts',
    source: `import { parsePolicy } from '../simulation/policy'`,
  },
  {
    why: 'a co-located test reaches engine internals',
    file: 'src/main/services/x.test.ts',
    source: `import { parsePolicy } from '../engine/simulation/policy'`,
  },
  {
    why: 'a test under test/ reaches engine internals',
    file: 'test/general/x.test.ts',
    source: `import { parsePolicy } from '../../src/main/engine/simulation/policy'`,
  },
  {
    why: 'the engine imports domain types',
    file: 'src/main/engine/model/x.ts',
    source: `import type { Problem } from '../../../shared/domain/problem'\nimport type { EditCommand } from '../../../shared/domain/design-edits'`,
  },
  {
    why: 'a store calls the api and uses drawing/',
    file: 'src/renderer/src/stores/x.ts',
    source: `import { api } from '../api'\nimport { tieredLayout } from '../drawing/tiered-layout'`,
  },
  {
    why: 'a component uses a store and the canvas adapter',
    file: 'src/renderer/src/components/canvas/x.ts',
    source: `import { useFilesStore } from '../../stores/files'\nimport { TopologyCanvas } from '../../canvas/topology-canvas'\nimport { x } from '../canvas/y'`,
  },
  {
    why: 'the canvas adapter uses drawing/',
    file: 'src/renderer/src/canvas/x.ts',
    source: `import type { HostOverlay } from '../drawing/host-overlay'`,
  },
  {
    why: 'a worker is loaded by a literal URL beside its loader',
    file: 'src/main/services/experiments/x.mjs',
    source: `const mod = await import(new URL('./pool-worker.ts', import.meta.url).href)\nexport default mod.default`,
  },
  {
    why: 'the shell finds its own folder',
    file: 'src/main/app/x.ts',
    source: `export const here = new URL('.', import.meta.url)`,
  },
  {
    why: 'a services file resolves a package through createRequire',
    file: 'src/main/services/x.ts',
    source: `import { createRequire } from 'node:module'\nexport const p = createRequire(import.meta.url).resolve('tsx/esm/api')`,
  },
  {
    why: 'a component test sets up the api transport',
    file: 'src/renderer/src/components/x.test.ts',
    source: `import { setTransport } from '../api'`,
  },
]

const eslint = new ESLint({ cwd: process.cwd() })

/** The rules that hold walls: a clean control trips none of them. */
const WALL_RULES = new Set([
  'strata/walls',
  'strata/no-computed-import',
  'no-restricted-imports',
  'no-restricted-globals',
  'no-restricted-properties',
])

/** The wall rules' messages ESLint gives `source` as the file `file`. */
async function wallMessages(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\n`, { filePath: file })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId !== null && WALL_RULES.has(m.ruleId))
    .map((m) => `${m.ruleId}: ${m.message}`)
}

describe('the walls of docs/DESIGN.md', () => {
  it.each(PLANTED)('$wall fires on $file: $source', async ({ wall, rule, file, source }) => {
    const messages = await wallMessages(file, source)
    const expected = rule ? `${rule}:` : `strata/walls: ${wall}:`
    expect(
      messages.some((m) => m.startsWith(expected)),
      messages.join('\n'),
    ).toBe(true)
  })

  it.each(CLEAN)('no wall fires when $why', async ({ file, source }) => {
    expect(await wallMessages(file, source)).toEqual([])
  })

  it('follows a symlink to the folder it names', async () => {
    // a link outside the project pointing at src/main: the import lands in src/main
    const dir = mkdtempSync(join(tmpdir(), 'strata-wall-'))
    try {
      symlinkSync(resolve('src/main'), join(dir, 'lib'), 'dir')
      const messages = await wallMessages(
        'src/renderer/src/stores/x.ts',
        `import { x } from '${join(dir, 'lib', 'engine')}'`,
      )
      expect(
        messages.some((m) => m.startsWith('strata/walls: renderer-main:')),
        messages.join('\n'),
      ).toBe(true)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('plants a violation of every wall the configuration holds', async () => {
    const config = (await eslint.calculateConfigForFile('src/main/x.ts')) as {
      rules: Record<string, [unknown, { walls: Array<{ name: string }> }]>
    }
    const walls = config.rules['strata/walls']?.[1].walls ?? []
    expect(walls.length).toBeGreaterThan(0)
    const planted = new Set(PLANTED.filter((p) => !p.rule).map((p) => p.wall))
    expect(walls.map((w) => w.name).filter((name) => !planted.has(name))).toEqual([])
  })
})
