/**
 * The ESLint rules that hold the walls of docs/DESIGN.md (configured in eslint.config.js,
 * proven by test/architecture/walls.test.ts).
 *
 * `strata/walls` resolves every module a file names (static and dynamic `import`, `export …
 * from`, `import x = require()`, `require()`, `import('…')` types) before it judges it:
 * a relative specifier becomes a path inside the project, so `../../main/x` and
 * `../../../src/main/x` are the same import wherever the file sits, and an alias from
 * `compilerOptions.paths` in tsconfig.base.json is expanded first. A bare specifier is a
 * package (its name: `cytoscape`, `@vitest/expect`) or a Node built-in (`fs`, `node:fs`).
 *
 * `strata/no-computed-import` refuses `import(expression)`: a module named at run time is
 * one that neither this rule nor the typecheck can follow.
 */
import { readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The project's root (this file is in `<root>/eslint`), whatever folder ESLint runs from. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/**
 * One wall: files under `from` (project-relative folder prefixes, `/`-separated) but not
 * under `except` may not import what `forbid` names.
 *
 * @typedef {object} Wall
 * @property {string} name short name, shown in the message
 * @property {string[]} from importer folders the wall applies to
 * @property {string[]} [except] importer folders exempt from it
 * @property {boolean} [tests] whether test files (`*.test.ts`, `*.spec.ts`) are held too (default false)
 * @property {string[]} [forbidPaths] project folders (or files) that may not be imported
 * @property {string[]} [allowPaths] exact project paths (a folder's index or a file, extension
 *   optional) that stay importable although they lie under `forbidPaths` (a facade)
 * @property {string[]} [onlyPaths] if given, every project path imported must lie under one of these
 * @property {string[]} [forbidPackages] package names; a trailing `*` (`@vitest/*`, `cytoscape-*`) names a family
 * @property {boolean} [nodeBuiltins] forbid Node's built-in modules
 * @property {string} message why the wall stands
 */

const TEST_FILE = /\.(test|spec)\.[cm]?[jt]s$/

/** `dir` + `/`, the form every prefix is compared in. */
const folder = (p) => (p.endsWith('/') ? p : `${p}/`)
const toPosix = (p) => p.split(sep).join('/')
const under = (path, prefixes) =>
  prefixes.some((p) => folder(path).startsWith(folder(p)) || path === p)

/** The package a bare specifier names (`@scope/name/sub` → `@scope/name`). */
function packageName(spec) {
  const parts = spec.split('/')
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? spec)
}

const BUILTINS = new Set(builtinModules)
const isBuiltin = (spec) => spec.startsWith('node:') || BUILTINS.has(packageName(spec))

const matchesPackage = (name, patterns) =>
  patterns.some((p) => (p.endsWith('*') ? name.startsWith(p.slice(0, -1)) : name === p))

/** `compilerOptions.paths` of tsconfig.base.json as [prefix, target prefix] pairs. */
function readAliases(root) {
  try {
    const text = readFileSync(resolve(root, 'tsconfig.base.json'), 'utf8')
    const paths = JSON.parse(text).compilerOptions?.paths ?? {}
    return Object.entries(paths).map(([alias, targets]) => [
      alias.replace(/\*$/, ''),
      String(targets[0] ?? '').replace(/\*$/, ''),
    ])
  } catch {
    return []
  }
}

/**
 * What a specifier written in `file` names: `{kind: 'path', path}` (project-relative, posix;
 * outside the project it starts with `../`), `{kind: 'builtin', name}` or
 * `{kind: 'package', name}`.
 */
function classify(spec, file, root, aliases) {
  for (const [alias, target] of aliases) {
    if (alias && spec.startsWith(alias)) {
      return {
        kind: 'path',
        path: toPosix(relative(root, resolve(root, target + spec.slice(alias.length)))),
      }
    }
  }
  if (spec.startsWith('.') || isAbsolute(spec)) {
    return { kind: 'path', path: toPosix(relative(root, resolve(dirname(file), spec))) }
  }
  if (isBuiltin(spec)) return { kind: 'builtin', name: spec }
  return { kind: 'package', name: packageName(spec) }
}

/** Why `target` breaks `wall`, or undefined. */
function breach(wall, target) {
  if (target.kind === 'path') {
    if (
      wall.forbidPaths &&
      under(target.path, wall.forbidPaths) &&
      !(wall.allowPaths ?? []).includes(target.path.replace(/\.[cm]?[jt]s$/, ''))
    )
      return target.path
    if (wall.onlyPaths && !under(target.path, wall.onlyPaths)) return target.path
  } else if (target.kind === 'builtin') {
    if (wall.nodeBuiltins) return `Node built-in ${target.name}`
  } else if (wall.forbidPackages && matchesPackage(target.name, wall.forbidPackages)) {
    return target.name
  }
  return undefined
}

/** Calls `visit(node, specifier)` for every module a file names with a literal string. */
function moduleVisitors(visit) {
  const literal = (node) => {
    if (node && node.type === 'Literal' && typeof node.value === 'string') return node.value
    if (node && node.type === 'TemplateLiteral' && node.expressions.length === 0)
      return node.quasis[0]?.value.cooked ?? undefined
    return undefined
  }
  const check = (node, source) => {
    const spec = literal(source)
    if (spec !== undefined) visit(node, spec)
  }
  return {
    ImportDeclaration: (node) => check(node, node.source),
    ExportNamedDeclaration: (node) => node.source && check(node, node.source),
    ExportAllDeclaration: (node) => check(node, node.source),
    ImportExpression: (node) => check(node, node.source),
    TSImportEqualsDeclaration: (node) =>
      node.moduleReference.type === 'TSExternalModuleReference' &&
      check(node, node.moduleReference.expression),
    TSImportType: (node) => check(node, node.source ?? node.argument?.literal ?? node.argument),
    CallExpression: (node) =>
      node.callee.type === 'Identifier' &&
      node.callee.name === 'require' &&
      node.arguments.length === 1 &&
      check(node, node.arguments[0]),
  }
}

/** @type {import('eslint').Rule.RuleModule} */
const walls = {
  meta: {
    type: 'problem',
    docs: { description: 'Holds the import walls of docs/DESIGN.md, on resolved paths.' },
    schema: [
      {
        type: 'object',
        properties: { walls: { type: 'array', items: { type: 'object' } } },
        required: ['walls'],
        additionalProperties: false,
      },
    ],
    messages: { wall: '{{wall}}: may not import {{what}}. {{message}}' },
  },
  create(context) {
    const root = ROOT
    const file = context.filename
    const own = toPosix(relative(root, file))
    /** @type {Wall[]} */
    const all = context.options[0]?.walls ?? []
    const isTest = TEST_FILE.test(own)
    const held = all.filter(
      (w) => under(own, w.from) && !under(own, w.except ?? []) && (w.tests || !isTest),
    )
    if (held.length === 0) return {}
    const aliases = readAliases(root)
    return moduleVisitors((node, spec) => {
      const target = classify(spec, file, root, aliases)
      for (const wall of held) {
        const what = breach(wall, target)
        if (what)
          context.report({
            node,
            messageId: 'wall',
            data: { wall: wall.name, what, message: wall.message },
          })
      }
    })
  },
}

/** @type {import('eslint').Rule.RuleModule} */
const noComputedImport = {
  meta: {
    type: 'problem',
    docs: { description: 'Every dynamic import names its module with a literal string.' },
    schema: [],
    messages: {
      computed:
        'import() of a computed name hides the module from lint and typecheck; import it by a literal path.',
    },
  },
  create(context) {
    return {
      ImportExpression(node) {
        const s = node.source
        const literal =
          (s.type === 'Literal' && typeof s.value === 'string') ||
          (s.type === 'TemplateLiteral' && s.expressions.length === 0)
        if (!literal) context.report({ node, messageId: 'computed' })
      },
    }
  },
}

/** The local plugin: `strata/walls` and `strata/no-computed-import`. */
export default {
  meta: { name: 'strata-walls' },
  rules: { walls, 'no-computed-import': noComputedImport },
}
