/**
 * File actions as calls to main: new, open (native dialog in Electron, or an uploaded file's
 * text in the browser), the sample, save / save as, export, import, the report export and
 * crash recovery. Calls that replace the open design ask before discarding unsaved changes
 * (`discard-guard.ts`) and resolve `undefined` when the user keeps them. Picking and
 * downloading files is the components' part (`components/shell/design-files.ts`): this store
 * only talks to main.
 */
import { defineStore } from 'pinia'
import { api } from '../api'
import type { Req, Res, Result } from '../../../shared/contract'
import type { EXPORT_FORMATS, IMPORT_FORMATS } from '../../../shared/contract/schemas/files'
import { withDiscardPrompt } from './discard-guard'

export type ExportFormat = (typeof EXPORT_FORMATS)[number]
export type ImportFormat = (typeof IMPORT_FORMATS)[number]
export type ReportFormat = Req<'reports:export'>['format']

/** A local file the user picked: its name and text. */
export interface PickedFile {
  name: string
  text: string
}

/** The sample `File → Open sample` opens (`resources/samples/two-hall.strata.json`). */
export const SAMPLE_NAME = 'two-hall'

export const useFilesStore = defineStore('files', () => {
  /** Starts a new, empty design (asks first when the open one has unsaved changes). */
  function newDesign(): Promise<Result<Res<'design:new'>> | undefined> {
    return withDiscardPrompt((discardChanges) => api.call('design:new', { discardChanges }))
  }

  /** Opens a design: `file` as uploaded, or without it through main's native dialog. */
  function open(file?: PickedFile): Promise<Result<Res<'files:open'>> | undefined> {
    return withDiscardPrompt((discardChanges) =>
      api.call(
        'files:open',
        file ? { contents: file.text, name: file.name, discardChanges } : { discardChanges },
      ),
    )
  }

  /** Opens the bundled sample design. */
  function openSample(): Promise<Result<Res<'design:open-sample'>> | undefined> {
    return withDiscardPrompt((discardChanges) =>
      api.call('design:open-sample', { name: SAMPLE_NAME, discardChanges }),
    )
  }

  /** Saves (a design that never had a file is saved "as"); `download` set in the browser. */
  async function save(asNew: boolean): Promise<Result<Res<'files:save'>>> {
    let r = asNew ? await api.call('files:save-as', {}) : await api.call('files:save', {})
    if (!r.ok && !asNew && (r.error.code === 'conflict' || r.error.code === 'not-found'))
      r = await api.call('files:save-as', {})
    return r
  }

  /** The open design in another format, as a file to download. */
  function exportDesign(format: ExportFormat): Promise<Result<Res<'files:export'>>> {
    return api.call('files:export', { format })
  }

  /** Imports another tool's file as a new design. */
  function importDesign(
    format: ImportFormat,
    file: PickedFile,
  ): Promise<Result<Res<'files:import'>> | undefined> {
    return withDiscardPrompt((discardChanges) =>
      api.call('files:import', { format, contents: file.text, name: file.name, discardChanges }),
    )
  }

  /** A report of the open design (main places and simulates as needed). */
  function exportReport(format: ReportFormat): Promise<Result<Res<'reports:export'>>> {
    return api.call('reports:export', { format })
  }

  /** The autosaves a previous run left after a crash. */
  function recoveryEntries(): Promise<Result<Res<'files:recovery'>>> {
    return api.call('files:recovery', {})
  }

  /** Opens autosave `id` as unsaved work. */
  function recover(id: string): Promise<Result<Res<'files:recover'>> | undefined> {
    return withDiscardPrompt((discardChanges) => api.call('files:recover', { id, discardChanges }))
  }

  /** Deletes autosave `id`; resolves with the entries left. */
  function discardRecovery(id: string): Promise<Result<Res<'files:discard-recovery'>>> {
    return api.call('files:discard-recovery', { id })
  }

  return {
    newDesign,
    open,
    openSample,
    save,
    exportDesign,
    importDesign,
    exportReport,
    recoveryEntries,
    recover,
    discardRecovery,
  }
})
