/** Reports: HTML, PDF, CSV, per-tenant (issue 7). */
import type { z } from 'zod'
import type { CallAccess } from '../session'
import type { reportsRequests } from '../schemas/reports'

export const reportsCalls = {
  'reports:export': 'any',
  'reports:cancel': 'any',
} as const satisfies Record<keyof typeof reportsRequests, CallAccess>

export type ReportsRequests = {
  [K in keyof typeof reportsRequests]: z.input<(typeof reportsRequests)[K]>
}

/** A finished report, ready to download or save. */
export interface ReportExport {
  format: 'html' | 'pdf' | 'csv'
  /** Suggested file name (`.html`, `.pdf`, `.zip` for CSV). */
  fileName: string
  mimeType: string
  /**
   * HTML as text; PDF as base64; CSV as base64 of ONE zip holding a folder with one CSV per
   * table and per chart whose data no table holds (`application/zip`).
   */
  contents: string
  encoding: 'utf8' | 'base64'
  /** Why parts are missing (e.g. the design has errors, so nothing was simulated). */
  notes: string[]
}

export interface ReportsResponses {
  'reports:export': ReportExport
  /** `cancelled: false` when there is no such job (already done, or not yours). */
  'reports:cancel': { cancelled: boolean }
}

/**
 * Progress of a report job. `queued` (fraction 0) comes first when the job waits for a free
 * report thread, so that its caller knows the id to cancel it by while it waits.
 */
export interface ReportProgressEvent {
  jobId: string
  stage: 'queued' | 'placement' | 'simulation' | 'report' | 'pdf' | 'done'
  /** 0..1. */
  fraction: number
}

/** Events this domain pushes, with their payloads. */
export interface ReportsEvents {
  'reports:progress': ReportProgressEvent
}
export const reportsEventNames = ['reports:progress'] as const satisfies ReadonlyArray<
  keyof ReportsEvents
>
