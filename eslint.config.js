// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import prettier from 'eslint-config-prettier'
import globals from 'globals'
import strata from './eslint/walls.js'
import { WALLS } from './eslint/wall-table.js'

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
    files: ['src/{main/engine,shared}/**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
    ignores: ['**/*.{test,spec}.*'],
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
  {
    // The walls of docs/DESIGN.md, on resolved import paths (eslint/wall-table.js), among them
    // the renderer's one-way layers: stores ↛ canvas/components, canvas ↛ stores/api,
    // drawing/ pure, components ↛ api (they reach main only through a store's action). Scripts
    // are held too: the engine-facade wall applies to them.
    files: [
      'src/**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs,vue}',
      'scripts/**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}',
    ],
    plugins: { strata },
    rules: { 'strata/walls': ['error', { walls: WALLS }] },
  },
  {
    // No module named at run time: lint and typecheck must see every import.
    files: ['{src,test,e2e}/**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}', 'src/**/*.vue'],
    plugins: { strata },
    rules: { 'strata/no-computed-import': 'error' },
  },
  // The facade's list is explicit: no `export *` in it, so its surface is what it names.
  {
    files: ['src/main/engine/index.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ExportAllDeclaration',
          message: 'The engine facade names every export; no `export *`.',
        },
      ],
    },
  },
  prettier,
)
