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
    forbidTestFiles: true,
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
      'Production code never imports a test library, test helpers or a test file; helpers live in test/support.',
  },
  {
    name: 'engine-facade',
    from: ['src', 'scripts'],
    except: ['src/main/engine'],
    forbidPaths: ['src/main/engine'],
    allowPaths: ['src/main/engine', 'src/main/engine/index'],
    message:
      'Code outside the engine imports it only through its facade, src/main/engine/index.ts (named exports); export what you need there by name. Tests may reach internals.',
  },
  {
    name: 'engine-domain',
    from: ['src/main/engine'],
    forbidPaths: ['src/shared/contract'],
    message:
      'The engine speaks the domain, not the wire: its types come from src/shared/domain and src/shared/design; the contract re-exports them.',
  },
  // Renderer layers point one way (docs/DESIGN.md, "The renderer"):
  //   components → stores → api → main, and components → canvas (the only Cytoscape code);
  //   stores and the canvas share only src/renderer/src/drawing (pure). Cytoscape's `cy` stays
  //   private to the canvas adapter by TypeScript (`private`), not by lint.
  {
    name: 'stores-one-way',
    from: ['src/renderer/src/stores'],
    forbidPaths: ['src/renderer/src/canvas', 'src/renderer/src/components'],
    message:
      'Stores never import the canvas or components: what stores and the canvas share lives in src/renderer/src/drawing.',
  },
  {
    name: 'drawing-pure',
    from: ['src/renderer/src/drawing'],
    forbidPaths: [
      'src/renderer/src/canvas',
      'src/renderer/src/components',
      'src/renderer/src/stores',
      'src/renderer/src/api',
    ],
    forbidPackages: ['vue', 'pinia'],
    message: 'src/renderer/src/drawing is pure: no canvas, component, store, api, Vue or Pinia.',
  },
  {
    name: 'canvas-adapter',
    from: ['src/renderer/src/canvas'],
    forbidPaths: ['src/renderer/src/components', 'src/renderer/src/stores', 'src/renderer/src/api'],
    message:
      'The canvas adapter imports no store, component or api: it gets designs and change sets and reports gestures as callbacks.',
  },
  {
    name: 'stores-keep-api',
    from: ['src/renderer/src/stores'],
    forbidReexportPaths: ['src/renderer/src/api'],
    message:
      'A store calls the api but never passes it on (`export … from` the api, `export { api }`): components would reach main through it.',
  },
  {
    name: 'components-through-stores',
    from: ['src/renderer/src'],
    except: ['src/renderer/src/stores', 'src/renderer/src/api'],
    forbidPaths: ['src/renderer/src/api'],
    message:
      'Components reach main only through a store: call a store action, never the api module.',
  },
]
