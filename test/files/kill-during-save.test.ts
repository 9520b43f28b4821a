/**
 * A process killed (SIGKILL) in the middle of saving leaves the previous file intact and
 * readable: the file on disk is always one complete version.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { removeStaleTemps } from '../../src/main/services/files'
import { readStrataFile } from '../../src/main/engine/persistence'
import { tempDir } from './helpers'

function killMidSave(file: string, afterSaves: number, delayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'save-loop-child.ts'), file],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let saves = 0
    let stderr = ''
    let armed = false
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.stdout.on('data', (d: Buffer) => {
      saves += (d.toString().match(/saved/g) ?? []).length
      if (saves >= afterSaves && !armed) {
        armed = true
        // The next save is under way: kill it partway through.
        setTimeout(() => child.kill('SIGKILL'), delayMs)
      }
    })
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(saves)
      else reject(new Error(`child exited without being killed: ${stderr}`))
    })
  })
}

describe('kill during save', () => {
  it('leaves a complete, readable design file after SIGKILL at several points of a save', async () => {
    const dir = tempDir('strata-kill-')
    const file = join(dir, 'big.strata.json')
    for (const delayMs of [4, 29]) {
      const saves = await killMidSave(file, 2, delayMs)
      const read = readStrataFile(readFileSync(file))
      expect(read.ok).toBe(true)
      if (!read.ok) return
      expect(read.design.hosts).toHaveLength(6000)
      // The file is the last completed save or the one being written when the kill came.
      const n = Number(read.design.meta.name.replace('version ', ''))
      expect(n === saves || n === saves + 1).toBe(true)
      // The newest backup generation there is reads as a whole design too.
      const newest = ['.bak', '.bak.2', '.bak.3']
        .map((g) => `${file}${g}`)
        .find((f) => existsSync(f))
      expect(newest).toBeDefined()
      expect(readStrataFile(readFileSync(newest as string)).ok).toBe(true)
    }
    // Leftover temporaries of killed saves may remain; the design file itself is never one.
    for (const name of readdirSync(dir).filter((f) => !f.includes('.strata-tmp-')))
      expect(name).toMatch(/^big\.strata\.json(\.bak(\.[23])?)?$/)
    // The next start removes them once they are older than a minute (no save in progress).
    const later = () => Date.now() + 61_000
    await removeStaleTemps(dir, 60_000, later)
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([])
    expect(readStrataFile(readFileSync(file)).ok).toBe(true)
  })
})
