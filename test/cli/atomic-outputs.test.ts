/**
 * Every file a `strata` command writes is replaced atomically (review s7a #3): a write that
 * fails (here the real file-size limit, `ulimit -f`, which makes `write` fail with EFBIG)
 * leaves the previous file byte for byte and no temporary file behind, and the command says
 * `cannot write PATH: reason` with no stack trace; a folder, a missing folder or an empty
 * path is refused the same way. The real CLI as a child process, real files.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..', '..')
const CLI = join(ROOT, 'src', 'main', 'cli', 'index.ts')
const SAMPLE = join(ROOT, 'resources', 'samples', 'two-hall.strata.json')
const dir = mkdtempSync(join(tmpdir(), 'strata-atomic-out-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** `strata ARGS` in a child process, under `ulimit -f KIB` when given. */
function strata(args: string[], limitKiB?: number): { code: number | null; err: string } {
  const quoted = [process.execPath, '--import', 'tsx', CLI, ...args]
    .map((a) => `'${a.replace(/'/g, `'\\''`)}'`)
    .join(' ')
  const script = `${limitKiB === undefined ? '' : `ulimit -f ${limitKiB}; `}exec ${quoted}`
  const r = spawnSync('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 })
  return { code: r.status, err: r.stderr }
}

/** The file's bytes, and that its folder holds no temporary file of an interrupted write. */
function unchanged(path: string, before: Buffer): void {
  expect(readFileSync(path).equals(before)).toBe(true)
  const folder = join(path, '..')
  expect(readdirSync(folder).filter((n) => n.includes('.strata-tmp-'))).toEqual([])
}

const noStack = (err: string) => expect(err).not.toMatch(/^\s+at /m)

describe('strata commands write their files atomically', () => {
  it('simulate --result: a write over the size limit keeps the old result whole', () => {
    const out = join(dir, 'res.json')
    expect(strata(['simulate', SAMPLE, '--result', out]).code).toBe(0)
    const before = readFileSync(out)
    JSON.parse(before.toString()) // a whole result
    // 100 KiB: the ~270 KB result cannot be written whole
    expect(before.length).toBeGreaterThan(100 * 1024)
    const r = strata(['simulate', SAMPLE, '--result', out], 100)
    expect(r.code, r.err).toBe(1)
    expect(r.err).toContain(`strata simulate: cannot write ${out}: `)
    expect(r.err).toContain('size limit')
    noStack(r.err)
    unchanged(out, before)
  })

  it('generate -o: a bigger design over the size limit keeps the old design whole', () => {
    const out = join(dir, 'good.json')
    expect(strata(['generate', '--hosts', '10', '-o', out]).code).toBe(0)
    const before = readFileSync(out)
    const r = strata(['generate', '--hosts', '200', '-o', out], 64)
    expect(r.code, r.err).toBe(1)
    expect(r.err).toContain(`strata generate: cannot write ${out}: `)
    noStack(r.err)
    unchanged(out, before)
  })

  it('report --html: the same, and a folder or a missing folder is named, not thrown', () => {
    const out = join(dir, 'r.html')
    writeFileSync(out, 'old report')
    const before = readFileSync(out)
    const r = strata(['report', SAMPLE, '--html', out], 20)
    expect(r.code, r.err).toBe(1)
    expect(r.err).toContain(`strata report: cannot write ${out}: `)
    noStack(r.err)
    unchanged(out, before)
    const folder = strata(['report', SAMPLE, '--html', dir])
    expect(folder.code).toBe(1)
    expect(folder.err).toContain(`cannot write ${dir}: ${dir} is a folder`)
    noStack(folder.err)
  })

  it('import and export: a missing folder and an empty path are refused with the path', () => {
    const missing = join(dir, 'no-such-folder', 'x.json')
    const exported = strata(['export', 'netbox', SAMPLE, '-o', missing])
    expect(exported.code).toBe(1)
    expect(exported.err).toContain(`cannot write ${missing}: `)
    noStack(exported.err)
    const traces = join(dir, 'traces')
    mkdirSync(traces)
    writeFileSync(join(traces, 'vm1'), Array.from({ length: 288 }, (_, i) => i % 100).join('\n'))
    const imported = strata(['import', 'planetlab', traces, '-o', dir])
    expect(imported.code).toBe(1)
    expect(imported.err).toContain(`strata import: cannot write ${dir}: ${dir} is a folder`)
    noStack(imported.err)
    const empty = strata(['simulate', SAMPLE, '--result', ''])
    expect(empty.code).toBe(2)
    expect(empty.err).toContain('--result is empty')
  })
})
