/** Design files, autosave, recovery, imports and exports (issue 7). */
import type { z } from 'zod'
import type { Problem } from '../result'
import type { CallAccess } from '../session'
import type { DesignState } from './design'
import type { filesRequests } from '../schemas/files'

export const filesCalls = {
  'files:open': 'provider',
  'files:save': 'provider',
  'files:save-as': 'provider',
  'files:recent': 'provider',
  'files:recovery': 'provider',
  'files:recover': 'provider',
  'files:discard-recovery': 'provider',
  'files:import': 'provider',
  'files:export': 'provider',
} as const satisfies Record<keyof typeof filesRequests, CallAccess>

export type FilesRequests = {
  [K in keyof typeof filesRequests]: z.input<(typeof filesRequests)[K]>
}

/** What opening a file did. */
export interface OpenFileResponse {
  state: DesignState
  /** Problems that did not stop the file from opening (migrated, stale results, ...). */
  warnings: Problem[]
  /** The schema version the file had, when it was converted. */
  migratedFrom?: number
  /** The file carried results of the last run for this design. */
  hasResults: boolean
}

/** A file's contents for the browser to download (the web host has no save dialog). */
export interface FileDownload {
  fileName: string
  mimeType: string
  contents: string
}

export interface SaveResponse {
  state: DesignState
  /** Where it was saved; absent when the contents were returned for download instead. */
  path?: string
  download?: FileDownload
  /**
   * Said when results of a run were kept but not written, because the design changed (but for
   * its name and description) since they were computed; absent when nothing was left out.
   */
  resultsNotSaved?: string
}

export interface RecentFile {
  path: string
  name: string
  /** ISO 8601. */
  openedAt: string
  exists: boolean
}

export interface RecoveryEntry {
  id: string
  designName: string
  filePath?: string
  /** ISO 8601. */
  savedAt: string
  sizeBytes: number
}

export interface ImportResponse {
  state: DesignState
  warnings: Problem[]
  /** How many elements of each kind were imported. */
  counts: Record<string, number>
}

export interface ExportResponse extends FileDownload {
  /** What the format could not carry (e.g. workloads in an OpenDC topology). */
  warnings: Problem[]
}

export interface FilesResponses {
  'files:open': OpenFileResponse
  'files:save': SaveResponse
  'files:save-as': SaveResponse
  'files:recent': RecentFile[]
  'files:recovery': RecoveryEntry[]
  'files:recover': OpenFileResponse
  'files:discard-recovery': RecoveryEntry[]
  'files:import': ImportResponse
  'files:export': ExportResponse
}

/** Events this domain pushes, with their payloads. */
export interface FilesEvents {
  /** An autosave was attempted (every minute while there are unsaved changes). */
  'files:autosave': { ok: boolean; savedAt: string; message?: string }
}
export const filesEventNames = ['files:autosave'] as const satisfies ReadonlyArray<
  keyof FilesEvents
>
