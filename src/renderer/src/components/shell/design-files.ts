/**
 * The browser's side of the file actions: picking a local file to upload and downloading
 * what main returns. The calls themselves are the files store's (`stores/files.ts`); in
 * Electron main shows native dialogs and nothing is picked or downloaded here.
 */
import type { FileDownload, Result } from '../../../../shared/contract'
import {
  useFilesStore,
  type ExportFormat,
  type ImportFormat,
  type PickedFile,
  type ReportFormat,
} from '../../stores/files'

export type { ExportFormat, ImportFormat, ReportFormat } from '../../stores/files'

/** Lets the user pick a local file; resolves with its name and text (undefined: cancelled). */
function pickFile(accept: string): Promise<PickedFile | undefined> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept
    input.onchange = async () => {
      const file = input.files?.[0]
      resolve(file ? { name: file.name, text: await file.text() } : undefined)
    }
    input.click()
  })
}

/** Saves a Blob the browser way: an anchor with a `download` name. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const a = document.createElement('a')
  a.href = URL.createObjectURL(blob)
  a.download = fileName
  a.click()
  setTimeout(() => URL.revokeObjectURL(a.href), 1000)
}

/** Saves a download the browser way. */
export function download(file: FileDownload): void {
  downloadBlob(new Blob([file.contents], { type: file.mimeType }), file.fileName)
}

/** A file name made from a design name: letters, digits, dots, dashes and underscores. */
export function safeFileName(name: string, fallback = 'design'): string {
  const cleaned = name
    .trim()
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return cleaned || fallback
}

type Outcome = Result<unknown> | undefined

/** Opens a design file (native dialog in Electron, upload in the browser); asks if dirty. */
export async function openDesign(shell: 'electron' | 'web'): Promise<Outcome> {
  if (shell === 'electron') return useFilesStore().open()
  const file = await pickFile('.json,.strata.json,application/json')
  return file ? useFilesStore().open(file) : undefined
}

/** Opens the bundled sample design (asks first when the open design has unsaved changes). */
export function openSample(): Promise<Outcome> {
  return useFilesStore().openSample()
}

export async function saveDesign(asNew: boolean): Promise<Outcome> {
  const r = await useFilesStore().save(asNew)
  if (r.ok && r.value.download) download(r.value.download)
  return r
}

export async function exportDesign(format: ExportFormat): Promise<Outcome> {
  const r = await useFilesStore().exportDesign(format)
  if (r.ok) download(r.value)
  return r
}

/** Imports another tool's file as a new design; asks if the open one is dirty. */
export async function importDesign(format: ImportFormat): Promise<Outcome> {
  const file = await pickFile(format === 'opendc' ? '.json' : '.csv,text/csv')
  return file ? useFilesStore().importDesign(format, file) : undefined
}

/** Makes a report of the open design (main places and simulates as needed) and downloads it. */
export async function exportReport(format: ReportFormat): Promise<Outcome> {
  const r = await useFilesStore().exportReport(format)
  if (!r.ok) return r
  const report = r.value
  // One file per report: HTML as text, PDF and the CSV zip as base64.
  if (report.encoding === 'base64') {
    const bytes = Uint8Array.from(atob(report.contents), (c) => c.charCodeAt(0))
    downloadBlob(new Blob([bytes], { type: report.mimeType }), report.fileName)
  } else
    download({ fileName: report.fileName, mimeType: report.mimeType, contents: report.contents })
  return r
}
