// @ts-check
/**
 * The walls of docs/DESIGN.md, as `strata/walls` enforces them (eslint/walls.js). Folders are
 * project-relative. Test files (`*.test.ts`, `*.spec.ts`) are exempt unless a wall says
 * `tests: true`; test helpers live in test/support, outside src/.
 * test/architecture/walls.test.ts plants a violation of every wall here.
 *
 * @type {import('./walls.js').Wall[]}
 */
export const WALLS = [
  {
    name: 'engine-pure',
    from: ['src/main/engine'],
    onlyPaths: ['src/main/engine', 'src/shared'],
    forbidPackages: ['electron', '@electron/*'],
    nodeBuiltins: true,
    message:
      'The engine is pure TypeScript: it imports only src/shared and itself, no electron, no Node built-ins (time, files and threads come in through ports).',
  },
  {
    name: 'shared-pure',
    from: ['src/shared'],
    onlyPaths: ['src/shared'],
    forbidPackages: ['electron', '@electron/*'],
    nodeBuiltins: true,
    message:
      'src/shared is the contract and the design document: it imports only itself, no electron, no Node built-ins.',
  },
  {
    name: 'renderer-main',
    from: ['src/renderer'],
    forbidPaths: ['src/main', 'src/preload'],
    forbidPackages: ['electron', '@electron/*'],
    nodeBuiltins: true,
    message:
      'The renderer talks to main only through the contract (src/renderer/src/api + src/shared), never by importing main, electron or Node built-ins.',
  },
  {
    name: 'preload-bridge',
    from: ['src/preload'],
    onlyPaths: ['src/preload', 'src/shared/contract'],
    forbidPaths: ['src/shared/contract/schemas'],
    forbidPackages: ['zod'],
    message:
      'The preload exposes window.strata and nothing else: it imports electron and the zod-free contract calls only (schemas are main only).',
  },
  {
    name: 'cytoscape-canvas',
    from: ['src'],
    except: ['src/renderer/src/canvas'],
    forbidPackages: ['cytoscape', 'cytoscape-*'],
    message: 'Only the canvas adapter (src/renderer/src/canvas) imports Cytoscape.',
  },
  {
    name: 'electron-shells',
    from: ['src'],
    except: ['src/main/app', 'src/main/ipc', 'src/preload'],
    forbidPackages: ['electron', '@electron/*'],
    message:
      'Only the Electron shell (src/main/app, src/main/ipc) and the preload import electron.',
  },
  {
    name: 'test-code',
    from: ['src'],
    forbidPaths: ['test', 'e2e'],
    forbidPackages: [
      'vitest',
      '@vitest/*',
      'fast-check',
      '@fast-check/*',
      '@playwright/test',
      'playwright',
      '@vue/test-utils',
      'happy-dom',
      'jsdom',
    ],
    message:
      'Production code never imports a test library or test helpers; helpers live in test/support.',
  },
]
