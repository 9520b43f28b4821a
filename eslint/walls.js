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
import { readFileSync, realpathSync } from 'node:fs'
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
 * @property {string[]} [forbidReexportPaths] project folders whose bindings these files may import
 *   but not pass on (`export … from`, `export { imported }`): a chain through an allowed module
 * @property {boolean} [forbidTestFiles] forbid importing test files (`*.test.ts`, `*.spec.ts`), which
 *   the walls exempt
 * @property {string} message why the wall stands
 */

const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/

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

/** The project's package name (a self-reference `name/…` is a path inside it). */
function ownName(root) {
  try {
    return JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')).name
  } catch {
    return undefined
  }
}

/**
 * `abs` as a project-relative posix path, through symlinks: the longest prefix of it that
 * exists is replaced by its real path, so a link `src/renderer/src/lib -> ../../main` does not
 * hide src/main behind a renderer path.
 */
function real(root, abs) {
  let head = resolve(root, abs)
  const tail = []
  for (;;) {
    try {
      head = realpathSync(head)
      break
    } catch {
      const parent = dirname(head)
      if (parent === head) break
      tail.unshift(head.slice(parent.length + 1))
      head = parent
    }
  }
  const realRoot = (() => {
    try {
      return realpathSync(root)
    } catch {
      return root
    }
  })()
  return toPosix(relative(realRoot, resolve(head, ...tail)))
}

/**
 * What a specifier written in `file` names: `{kind: 'path', path}` (project-relative, posix;
 * outside the project it starts with `../`), `{kind: 'builtin', name}` or
 * `{kind: 'package', name}`.
 */
function classify(rawSpec, file, root, aliases) {
  // `?raw`, `?worker`, `?url` and `#hash` name the same file to Vite; `file:` URLs name a path.
  let spec = rawSpec.startsWith('file:') ? fileURLToPath(rawSpec) : rawSpec
  if (spec.startsWith('.') || isAbsolute(spec)) spec = spec.replace(/[?#].*$/, '')
  const self = ownName(root)
  if (self && (spec === self || spec.startsWith(`${self}/`))) {
    // a package self-reference (`strata/src/main/...`) is a path inside the project
    return { kind: 'path', path: real(root, spec.slice(self.length + 1) || '.') }
  }
  for (const [alias, target] of aliases) {
    if (alias && spec.startsWith(alias)) {
      return {
        kind: 'path',
        path: real(root, resolve(root, target + spec.slice(alias.length).replace(/[?#].*$/, ''))),
      }
    }
  }
  if (spec.startsWith('.') || isAbsolute(spec)) {
    return { kind: 'path', path: real(root, resolve(dirname(file), spec)) }
  }
  if (isBuiltin(spec)) return { kind: 'builtin', name: spec }
  return { kind: 'package', name: packageName(spec) }
}

/** A test file by name, with or without its extension (`./bridge.test`). */
const TEST_TARGET = /\.(test|spec)(\.[cm]?[jt]sx?)?$/

/** Why `target` breaks `wall`, or undefined. */
function breach(wall, target) {
  if (target.kind === 'path') {
    // a test file is exempt from the walls, so production importing one would carry anything in
    if (wall.forbidTestFiles && TEST_TARGET.test(target.path)) return `test file ${target.path}`
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

/** A glob's fixed folder (`../main/**\/*.ts` → `../main/*`): what it can match lies under it. */
const globBase = (glob) => {
  const g = glob.replace(/^!/, '')
  const cut = g.search(/[*?{[]/)
  return cut < 0 ? g : `${g.slice(0, g.lastIndexOf('/', cut) + 1)}*`
}

/** `import.meta.url` */
const isImportMetaUrl = (n) =>
  n?.type === 'MemberExpression' &&
  n.object.type === 'MetaProperty' &&
  n.object.meta.name === 'import' &&
  n.property.type === 'Identifier' &&
  n.property.name === 'url'

/** Why re-exporting from `target` breaks `wall` (its `forbidReexportPaths`), or undefined. */
function reexportBreach(wall, target) {
  if (
    target.kind === 'path' &&
    wall.forbidReexportPaths &&
    under(target.path, wall.forbidReexportPaths)
  )
    return `(to re-export) ${target.path}`
  return undefined
}

/**
 * Calls `visit(node, specifier)` for every module a file names with a literal string: import and
 * export declarations, `import()` (expression and type), `import x = require()`, `require()` in
 * every spelling (`module.require`, `require.resolve`, a `createRequire(...)` function),
 * `import.meta.glob`, `new URL('…', import.meta.url)` (Vite's worker and asset form),
 * `declare module '…'`, `/// <reference path|types>` and a Vue SFC's `<script src>`.
 */
function moduleVisitors(context, visit) {
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
  /** Names bound to a require function (`const r = createRequire(import.meta.url)`). */
  const requires = new Set(['require'])
  const isCreateRequire = (n) =>
    n?.type === 'CallExpression' &&
    ((n.callee.type === 'Identifier' && n.callee.name === 'createRequire') ||
      (n.callee.type === 'MemberExpression' &&
        n.callee.property.type === 'Identifier' &&
        n.callee.property.name === 'createRequire'))
  const isRequire = (callee) =>
    (callee.type === 'Identifier' && requires.has(callee.name)) ||
    isCreateRequire(callee) ||
    (callee.type === 'MemberExpression' &&
      callee.property.type === 'Identifier' &&
      // module.require / globalThis.require / require.resolve / createRequire(u).resolve
      (callee.property.name === 'require' ||
        (callee.property.name === 'resolve' &&
          ((callee.object.type === 'Identifier' && requires.has(callee.object.name)) ||
            isCreateRequire(callee.object)))))
  const isImportMetaGlob = (callee) =>
    callee.type === 'MemberExpression' &&
    callee.object.type === 'MetaProperty' &&
    callee.object.meta.name === 'import' &&
    callee.property.type === 'Identifier' &&
    /^glob/.test(callee.property.name)
  /** Local names bound by an import declaration, to the specifier they came from. */
  const imported = new Map()
  const reexport = (node, name) => {
    const spec = imported.get(name)
    if (spec !== undefined) visit(node, spec, true)
  }
  return {
    Program: (node) => {
      const code = context.sourceCode
      for (const c of code.getAllComments()) {
        const ref = /^\/\s*<reference\s+(path|types)\s*=\s*["']([^"']+)["']/.exec(c.value)
        if (c.type !== 'Line' || !ref) continue
        // `types="node"` brings Node's globals in: it counts as a Node built-in
        if (ref[1] === 'types') visit(node, ref[2] === 'node' ? 'node:types' : ref[2])
        else visit(node, /^[./]/.test(ref[2]) ? ref[2] : `./${ref[2]}`)
      }
      if (context.filename.endsWith('.vue')) {
        for (const m of code.text.matchAll(/<script\b[^>]*?\ssrc\s*=\s*["']([^"']+)["']/g)) {
          visit(node, m[1].startsWith('.') || m[1].startsWith('/') ? m[1] : `./${m[1]}`)
        }
      }
    },
    ImportDeclaration: (node) => {
      check(node, node.source)
      const spec = literal(node.source)
      if (spec !== undefined) for (const s of node.specifiers) imported.set(s.local.name, spec)
    },
    ExportNamedDeclaration: (node) => {
      if (node.source) {
        const spec = literal(node.source)
        if (spec !== undefined) {
          visit(node, spec)
          visit(node, spec, true)
        }
      } else {
        for (const s of node.specifiers)
          if (s.local.type === 'Identifier') reexport(s, s.local.name)
      }
    },
    ExportAllDeclaration: (node) => {
      const spec = literal(node.source)
      if (spec !== undefined) {
        visit(node, spec)
        visit(node, spec, true)
      }
    },
    ExportDefaultDeclaration: (node) =>
      node.declaration.type === 'Identifier' && reexport(node, node.declaration.name),
    ImportExpression: (node) => check(node, node.source),
    TSImportEqualsDeclaration: (node) =>
      node.moduleReference.type === 'TSExternalModuleReference' &&
      check(node, node.moduleReference.expression),
    TSImportType: (node) => check(node, node.source ?? node.argument?.literal ?? node.argument),
    TSModuleDeclaration: (node) => node.id.type === 'Literal' && check(node, node.id),
    VariableDeclarator: (node) =>
      node.id.type === 'Identifier' && isCreateRequire(node.init) && requires.add(node.id.name),
    CallExpression: (node) => {
      if (isImportMetaGlob(node.callee)) {
        const first = node.arguments[0]
        const globs = first?.type === 'ArrayExpression' ? first.elements : [first]
        for (const g of globs) {
          const spec = literal(g)
          if (spec !== undefined && !spec.startsWith('!')) visit(node, globBase(spec))
        }
      } else if (isRequire(node.callee) && node.arguments.length >= 1) {
        check(node, node.arguments[0])
      }
    },
    NewExpression: (node) =>
      node.callee.type === 'Identifier' &&
      node.callee.name === 'URL' &&
      isImportMetaUrl(node.arguments[1]) &&
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
    return moduleVisitors(context, (node, spec, reexported = false) => {
      const target = classify(spec, file, root, aliases)
      for (const wall of held) {
        const what = reexported ? reexportBreach(wall, target) : breach(wall, target)
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
        const isLiteral = (n) =>
          (n?.type === 'Literal' && typeof n.value === 'string') ||
          (n?.type === 'TemplateLiteral' && n.expressions.length === 0)
        // `new URL('./x.ts', import.meta.url)` (or its `.href`) names a literal path too; the
        // walls rule judges it
        const url = s.type === 'MemberExpression' && s.property.name === 'href' ? s.object : s
        const literal =
          isLiteral(s) ||
          (url.type === 'NewExpression' &&
            url.callee.type === 'Identifier' &&
            url.callee.name === 'URL' &&
            isLiteral(url.arguments[0]) &&
            isImportMetaUrl(url.arguments[1]))
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
