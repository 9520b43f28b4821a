/** The recent-files list, kept as JSON in the app's data folder. */
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from './atomic-write'

import type { RecentFile } from '../../../shared/contract'

export type { RecentFile }

interface Stored {
  version: 1
  files: Array<Omit<RecentFile, 'exists'>>
}

export class RecentFiles {
  readonly file: string
  /** The folder holding the list (the data folder). */
  readonly folder: string

  constructor(
    dataDir: string,
    private readonly max = 10,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.folder = dataDir
    this.file = join(dataDir, 'recent-files.json')
  }

  private async read(): Promise<Stored['files']> {
    try {
      const parsed = JSON.parse(await readFile(this.file, 'utf8')) as Partial<Stored>
      if (!Array.isArray(parsed.files)) return []
      return parsed.files.filter(
        (f) =>
          typeof f?.path === 'string' &&
          typeof f.name === 'string' &&
          typeof f.openedAt === 'string',
      )
    } catch {
      return [] // missing or corrupt: start a new list
    }
  }

  /** Most recent first. */
  async list(): Promise<RecentFile[]> {
    const files = await this.read()
    return Promise.all(
      files.map(async (f) => ({
        ...f,
        exists: await stat(f.path).then(
          (s) => s.isFile(),
          () => false,
        ),
      })),
    )
  }

  /** Puts `path` first (once). A failure to record it is not worth failing an open for. */
  async add(path: string, name: string): Promise<void> {
    const files = (await this.read()).filter((f) => f.path !== path)
    files.unshift({ path, name, openedAt: this.now().toISOString() })
    const stored: Stored = { version: 1, files: files.slice(0, this.max) }
    await writeFileAtomic(this.file, JSON.stringify(stored, null, 2) + '\n', {
      backup: false,
    }).catch(() => undefined)
  }
}
