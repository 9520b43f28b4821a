/**
 * The renderer's one-way walls (eslint.config.js, "Renderer layers point one way") hold: each
 * planted violation, linted through ESLint's Node API with the project's configuration as if
 * it were the named file, trips `no-restricted-imports`; each clean control trips nothing.
 */
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

interface Case {
  why: string
  file: string
  source: string
}

const PLANTED: Case[] = [
  {
    why: 'a store imports the canvas adapter',
    file: 'src/renderer/src/stores/x.ts',
    source: `import { TopologyCanvas } from '../canvas/topology-canvas'`,
  },
  {
    why: 'a store imports a canvas type by a roundabout path',
    file: 'src/renderer/src/stores/x.ts',
    source: `import type { X } from '../../src/canvas/elements'`,
  },
  {
    why: 'a store imports a component module',
    file: 'src/renderer/src/stores/x.ts',
    source: `import { openDesign } from '../components/shell/design-files'`,
  },
  {
    why: 'a component module calls the api',
    file: 'src/renderer/src/components/shell/x.ts',
    source: `import { api } from '../../api'`,
  },
  {
    why: 'a component calls the api from its script',
    file: 'src/renderer/src/components/dialogs/PlantedDialog.vue',
    source: `<script setup lang="ts">\nimport { api } from '../../api/index'\nvoid api\n</script>\n<template><div /></template>`,
  },
  {
    why: 'the root component calls the api',
    file: 'src/renderer/src/App.vue',
    source: `<script setup lang="ts">\nimport { api } from './api'\nvoid api\n</script>\n<template><div /></template>`,
  },
  {
    why: 'the canvas adapter reads a store',
    file: 'src/renderer/src/canvas/x.ts',
    source: `import { useDesignStore } from '../stores/design'`,
  },
  {
    why: 'the canvas adapter calls the api',
    file: 'src/renderer/src/canvas/x.ts',
    source: `import { api } from '../api'`,
  },
  {
    why: 'drawing/ imports the canvas',
    file: 'src/renderer/src/drawing/x.ts',
    source: `import { isContainer } from '../canvas/elements'`,
  },
]

const CLEAN: Case[] = [
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
    why: 'a component test sets up the api transport',
    file: 'src/renderer/src/components/x.test.ts',
    source: `import { setTransport } from '../api'`,
  },
]

const eslint = new ESLint({ cwd: process.cwd() })

async function restricted(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\n`, { filePath: file })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message)
}

describe("the renderer's one-way walls", () => {
  it.each(PLANTED)('fire when $why', async ({ file, source }) => {
    expect((await restricted(file, source)).length).toBeGreaterThan(0)
  })
  it.each(CLEAN)('stay quiet when $why', async ({ file, source }) => {
    expect(await restricted(file, source)).toEqual([])
  })
})
