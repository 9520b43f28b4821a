/**
 * Files opened and saved the way a careful editor does (issue 11), through the contract on
 * real files: concurrent edits end in a conflict, symlinks are written through, read-only
 * files are refused, FIFOs and devices are not read, backups keep three generations,
 * leftovers of interrupted saves are removed at start, and an autosave whose PID was reused
 * is still offered for recovery. Disk-full and a read-only file system run on small tmpfs
 * mounts when the machine allows them.
 */
import { execFileSync } from 'node:child_process'
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readStrataFile } from '../../src/main/engine/persistence'
import { backupPathOf } from '../../src/main/services/files'
import { SAMPLE_TEXT, makeApp, tempDir } from './helpers'

const rename = (name: string) => ({ command: { type: 'set-meta', patch: { name } } })
const nameIn = (file: string): string => {
  const read = readStrataFile(readFileSync(file))
  return read.ok ? read.design.meta.name : `unreadable: ${read.message}`
}

async function openedApp(file: string, options: Parameters<typeof makeApp>[0] = {}) {
  const app = makeApp(options)
  const r = await app.call('files:open', { path: file, discardChanges: true })
  expect(r.ok).toBe(true)
  return app
}

describe('saving detects a change on disk since open or last save', () => {
  it('two sessions on one file: the second save is a conflict, not a silent loss', async () => {
    const file = join(tempDir(), 'shared.strata.json')
    writeFileSync(file, SAMPLE_TEXT)
    const a = await openedApp(file)
    const b = await openedApp(file)
    await a.call('design:apply', rename('A edits'))
    await b.call('design:apply', rename('B edits'))
    expect((await a.call('files:save')).ok).toBe(true)
    const second = await b.call('files:save')
    expect(!second.ok && second.error.code).toBe('conflict')
    expect(!second.ok && second.error.message).toMatch(/changed on disk.*nothing was written/)
    expect(nameIn(file)).toBe('A edits')
    expect(b.ctx.design.state.dirty).toBe(true)
    // A saves again: its own last save is what is on disk, so no conflict.
    await a.call('design:apply', rename('A again'))
    expect((await a.call('files:save')).ok).toBe(true)
    // B chooses to overwrite: now B's version is the file, A's is the backup.
    expect((await b.call('files:save', { overwrite: true })).ok).toBe(true)
    expect(nameIn(file)).toBe('B edits')
    expect(nameIn(backupPathOf(file))).toBe('A again')
  })

  it('an editor changing the file meanwhile is noticed too (save and save-as to it)', async () => {
    const file = join(tempDir(), 'edited.strata.json')
    writeFileSync(file, SAMPLE_TEXT)
    const app = await openedApp(file)
    await app.call('design:apply', rename('mine'))
    writeFileSync(file, SAMPLE_TEXT.replace('Two-hall sample datacenter', 'Theirs'))
    for (const [name, request] of [
      ['files:save', {}],
      ['files:save-as', { path: file }],
    ] as const) {
      const r = await app.call(name, request)
      expect(!r.ok && r.error.code).toBe('conflict')
    }
    expect(nameIn(file)).toBe('Theirs')
  })

  it('an edit of the same size with its mtime kept (cp -p, rsync -t) is noticed too', async () => {
    const file = join(tempDir(), 'same-size.strata.json')
    writeFileSync(file, SAMPLE_TEXT)
    const wholeSecond = 1_700_000_000 // exact in every file system's time stamps
    utimesSync(file, wholeSecond, wholeSecond)
    const app = await openedApp(file)
    await app.call('design:apply', rename('mine'))
    const before = statSync(file)
    // Same length, same mtime, same inode: one letter of the name changes in place.
    writeFileSync(
      file,
      SAMPLE_TEXT.replace('Two-hall sample datacenter', 'Two-hall sample datacentex'),
    )
    utimesSync(file, wholeSecond, wholeSecond)
    const after = statSync(file)
    expect([after.size, after.mtimeMs, after.ino]).toEqual([
      before.size,
      before.mtimeMs,
      before.ino,
    ])
    const r = await app.call('files:save')
    expect(!r.ok && r.error.code).toBe('conflict')
    expect(nameIn(file)).toBe('Two-hall sample datacentex')
  })

  it('save-as with a path never replaces another existing file unless asked to', async () => {
    const dir = tempDir()
    const other = join(dir, 'other.json')
    writeFileSync(other, '{"mine":1}')
    const app = makeApp()
    await app.call('design:open-sample', { name: 'two-hall' })
    const refused = await app.call('files:save-as', { path: other })
    expect(!refused.ok && refused.error.code).toBe('conflict')
    expect(readFileSync(other, 'utf8')).toBe('{"mine":1}')
    expect((await app.call('files:save-as', { path: other, overwrite: true })).ok).toBe(true)
    expect(nameIn(other)).toBe('Two-hall sample datacenter')
    // Once it is this design's file, saving to it again is an ordinary save.
    expect((await app.call('files:save-as', { path: other })).ok).toBe(true)
  })
})

describe('what is written where', () => {
  it('writes through a symbolic link to its target; the link stays a link', async () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'real'))
    const target = join(dir, 'real', 'target.strata.json')
    const link = join(dir, 'link.strata.json')
    writeFileSync(target, SAMPLE_TEXT)
    symlinkSync('real/target.strata.json', link)
    const app = await openedApp(link)
    await app.call('design:apply', rename('through the link'))
    expect((await app.call('files:save')).ok).toBe(true)
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
    expect(readlinkSync(link)).toBe('real/target.strata.json')
    expect(nameIn(target)).toBe('through the link')
    expect(existsSync(backupPathOf(target))).toBe(true)
    expect(readdirSync(dir).sort()).toEqual(['link.strata.json', 'real'])
  })

  it('refuses to overwrite a read-only file, with a clear io error, keeping everything', async () => {
    const file = join(tempDir(), 'locked.strata.json')
    writeFileSync(file, SAMPLE_TEXT)
    const app = await openedApp(file)
    chmodSync(file, 0o444)
    await app.call('design:apply', rename('edited'))
    const r = await app.call('files:save')
    expect(!r.ok && r.error.code).toBe('io')
    expect(!r.ok && r.error.message).toMatch(/is read-only.*previous file is unchanged/)
    expect(readFileSync(file, 'utf8')).toBe(SAMPLE_TEXT)
    expect(app.ctx.design.state.dirty).toBe(true)
    expect(readdirSync(join(file, '..'))).toEqual(['locked.strata.json'])
  })

  it('refuses to save over anything but a regular file (a FIFO here), writing nothing', async () => {
    const app = makeApp()
    const path = fifo()
    const r = await app.call('files:save-as', { path })
    expect(!r.ok && r.error.code).toBe('io')
    expect(!r.ok && r.error.message).toMatch(/is not a regular file/)
    expect(lstatSync(path).isFIFO()).toBe(true)
    expect(readdirSync(join(path, '..'))).toEqual(['pipe.strata.json'])
  })

  it('keeps three backup generations, newest in .bak', async () => {
    const file = join(tempDir(), 'gen.strata.json')
    writeFileSync(file, SAMPLE_TEXT)
    const app = await openedApp(file)
    for (const n of [1, 2, 3, 4, 5]) {
      await app.call('design:apply', rename(`v${n}`))
      expect((await app.call('files:save')).ok).toBe(true)
    }
    expect(nameIn(file)).toBe('v5')
    expect([1, 2, 3].map((g) => nameIn(backupPathOf(file, g)))).toEqual(['v4', 'v3', 'v2'])
    expect(existsSync(backupPathOf(file, 4))).toBe(false)
  })
})

describe('what is read', () => {
  it.each([
    ['a zero device (as /dev/zero)', () => zeroDevice(), /is a device/],
    ['a FIFO nobody writes to', () => fifo(), /is a pipe \(FIFO\)/],
    ['a folder', () => tempDir(), /is a folder/],
    ['a link to a zero device', () => linkTo(zeroDevice()), /is a device/],
  ])('%s is refused at once, the open design untouched', async (_what, path, words) => {
    const app = makeApp()
    await app.call('design:apply', rename('kept'))
    const r = await app.call('files:open', { path: path(), discardChanges: true })
    expect(!r.ok && r.error.code).toBe('io')
    expect(!r.ok && r.error.message).toMatch(words)
    expect(app.ctx.design.design.meta.name).toBe('kept')
  })
})

function fifo(): string {
  const path = join(tempDir(), 'pipe.strata.json')
  execFileSync('mkfifo', [path])
  return path
}
/**
 * A private zero device (char 1,5, what /dev/zero is) when this user may make one; else the
 * machine's /dev/zero, which this test only reads.
 */
function zeroDevice(): string {
  const path = join(tempDir(), 'zero')
  try {
    execFileSync('mknod', [path, 'c', '1', '5'], { stdio: 'ignore' })
    return path
  } catch {
    return '/dev/zero'
  }
}
function linkTo(target: string): string {
  const path = join(tempDir(), 'dev.strata.json')
  symlinkSync(target, path)
  return path
}

describe('start-up and recovery', () => {
  it('removes temporaries of interrupted saves at start, but not one being written now', async () => {
    const dataDir = tempDir('strata-data-')
    const docs = tempDir()
    const file = join(docs, 'doc.strata.json')
    writeFileSync(file, SAMPLE_TEXT)
    await (
      await openedApp(file, { dataDir })
    ).services.cleanup // records the recent file
    const old = Date.now() / 1000 - 3600
    const stale = [
      join(docs, '.doc.strata.json.strata-tmp-0a1b2c.tmp'),
      join(docs, '.doc.strata.json.strata-tmp-0a1b2c.tmp.bak'),
      join(dataDir, '.recent-files.json.strata-tmp-ffee00.tmp'),
    ]
    for (const f of stale) {
      writeFileSync(f, 'half')
      utimesSync(f, old, old)
    }
    const fresh = join(docs, '.doc.strata.json.strata-tmp-123456.tmp')
    writeFileSync(fresh, 'in progress')
    const foreign = join(docs, '.other.tmp')
    writeFileSync(foreign, 'not ours')
    utimesSync(foreign, old, old)
    const next = makeApp({ dataDir })
    expect(await next.services.cleanup).toBe(3)
    for (const f of stale) expect(existsSync(f)).toBe(false)
    expect(existsSync(fresh)).toBe(true)
    expect(existsSync(foreign)).toBe(true)
  })

  it('offers an autosave whose PID now belongs to another process, once its heartbeat is stale', async () => {
    const dataDir = tempDir('strata-data-')
    const t0 = Date.parse('2026-01-01T10:00:00Z')
    const first = makeApp({ dataDir, pid: 111, now: () => new Date(t0) })
    await first.call('design:apply', rename('work of a crashed run'))
    await first.services.autosaver.tick()
    // PID 111 is alive again (reused by some other program): only the heartbeat tells.
    const at = (ms: number) =>
      makeApp({ dataDir, pid: 222, isAlive: () => true, now: () => new Date(t0 + ms) })
    expect(await at(60_000).services.autosaver.list()).toEqual([])
    const later = await at(10 * 60_000).services.autosaver.list()
    expect(later.map((e) => e.designName)).toEqual(['work of a crashed run'])
  })

  it('a run that is alive renews its heartbeat, so its autosave is never offered to another', async () => {
    const dataDir = tempDir('strata-data-')
    let now = Date.parse('2026-01-01T10:00:00Z')
    const first = makeApp({ dataDir, pid: 333, now: () => new Date(now) })
    await first.call('design:apply', rename('still editing'))
    await first.services.autosaver.tick()
    for (let i = 0; i < 10; i++) {
      now += 60_000
      await first.services.autosaver.tick() // the minute timer, nothing new to save
    }
    const other = makeApp({ dataDir, pid: 444, isAlive: () => true, now: () => new Date(now) })
    expect(await other.services.autosaver.list()).toEqual([])
  })
})

// Disk full and a read-only file system, for real: small tmpfs mounts (they need root and
// mount; otherwise these cases are skipped, and the reason is printed).
function mountTmpfs(): string | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) {
    console.warn('careful-editor: not root on Linux, so no tmpfs: the disk cases are skipped')
    return undefined
  }
  const dir = tempDir('strata-tmpfs-')
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', dir], { stdio: 'ignore' })
    return dir
  } catch (error) {
    console.warn(`careful-editor: cannot mount a tmpfs (${String(error)}): disk cases skipped`)
    return undefined
  }
}
const tmpfs = mountTmpfs()
const readOnlyFs = mountTmpfs()
afterAll(() => {
  for (const dir of [tmpfs, readOnlyFs]) if (dir) execFileSync('umount', [dir])
})

describe('disk full', () => {
  it.skipIf(!tmpfs)('a save onto a full disk fails clearly and loses nothing', async () => {
    const dir = tmpfs as string
    const file = join(dir, 'full.strata.json')
    writeFileSync(file, SAMPLE_TEXT)
    const app = await openedApp(file)
    // Fill the disk: what is left is less than one more copy of the design.
    try {
      writeFileSync(join(dir, 'filler'), Buffer.alloc(256 * 1024))
    } catch {
      /* ENOSPC: the disk is as full as it gets */
    }
    await app.call('design:apply', rename('unsaved on a full disk'))
    const r = await app.call('files:save')
    expect(!r.ok && r.error.code).toBe('io')
    expect(!r.ok && r.error.message).toMatch(/the disk is full.*previous file is unchanged/)
    expect(readFileSync(file, 'utf8')).toBe(SAMPLE_TEXT)
    expect(readdirSync(dir).sort()).toEqual(['filler', 'full.strata.json'])
    expect(app.ctx.design.state.dirty).toBe(true)
    expect(app.ctx.design.design.meta.name).toBe('unsaved on a full disk')
  })
})

describe('read-only file system', () => {
  it.skipIf(!readOnlyFs)(
    'a save onto a file system remounted read-only fails clearly and loses nothing',
    async () => {
      const dir = readOnlyFs as string
      const file = join(dir, 'ro.strata.json')
      writeFileSync(file, SAMPLE_TEXT)
      const app = await openedApp(file)
      execFileSync('mount', ['-o', 'remount,ro', dir])
      try {
        await app.call('design:apply', rename('unsaved on a read-only disk'))
        const r = await app.call('files:save')
        expect(!r.ok && r.error.code).toBe('io')
        expect(!r.ok && r.error.message).toMatch(/read-only/)
        expect(readFileSync(file, 'utf8')).toBe(SAMPLE_TEXT)
        expect(readdirSync(dir)).toEqual(['ro.strata.json'])
        expect(app.ctx.design.state.dirty).toBe(true)
        expect(app.ctx.design.design.meta.name).toBe('unsaved on a read-only disk')
      } finally {
        execFileSync('mount', ['-o', 'remount,rw', dir])
      }
    },
  )
})
