// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

/**
 * A one-way wall inside the renderer: `files` may not import any of the renderer folders
 * `folders` (matched as path segments, so `../canvas/x` and `../../src/renderer/src/canvas`
 * both count). Tests are exempt (they set up real services and inspect internals).
 */
function rendererWall(files, folders, message) {
  return {
    files,
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: folders.flatMap((f) => [`**/${f}`, `**/${f}/**`]), message }] },
      ],
    },
  }
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'artifacts/**',
      'bin/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'vue/multi-word-component-names': 'error',
    },
  },
  {
    files: ['src/main/engine/**/*.ts', 'src/shared/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'node:*', 'fs', 'path', 'os', 'worker_threads'],
              message:
                'The engine and shared code are pure: no electron, no Node built-ins (use ports).',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'Time comes in through a port.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded random source.' },
      ],
    },
  },
  // Renderer layers point one way (docs/DESIGN.md, "The renderer"):
  //   components → stores → api → main, and components → canvas (the only Cytoscape code);
  //   stores and the canvas share only drawing/ (pure). So: stores never import the canvas or
  //   components; the canvas imports no store and no api (it reports gestures as callbacks);
  //   drawing/ imports none of them; and no component (nor App.vue, labels, main.ts) calls
  //   the api module: components reach main only through a store's action. The canvas keeps
  //   Cytoscape's `cy` private by TypeScript, not by lint.
  rendererWall(
    ['src/renderer/src/stores/**/*.ts'],
    ['canvas', 'components'],
    'Stores never import the canvas or components: what stores and canvas share lives in src/renderer/src/drawing.',
  ),
  rendererWall(
    ['src/renderer/src/drawing/**/*.ts'],
    ['canvas', 'components', 'stores', 'api'],
    'drawing/ is pure: it imports no canvas, component, store or api.',
  ),
  rendererWall(
    ['src/renderer/src/canvas/**/*.ts'],
    ['components', 'stores', 'api'],
    'The canvas adapter imports no store, component or api: it gets designs and change sets and reports gestures as callbacks.',
  ),
  rendererWall(
    [
      'src/renderer/src/components/**/*.ts',
      'src/renderer/src/components/**/*.vue',
      'src/renderer/src/labels/**/*.ts',
      'src/renderer/src/*.ts',
      'src/renderer/src/*.vue',
    ],
    ['api'],
    'Components reach main only through a store: call a store action, never the api module.',
  ),
  prettier,
)
