/** The `app:` and `design:` calls: names, who may make them, request and response types. */
import type { z } from 'zod'
import type { Design } from '../../design/schema'
import type { Problem } from '../result'
import type { CallAccess, SessionInfo } from '../session'
import type { designRequests } from '../schemas/design'
import type { DesignChanges, DesignState } from '../../domain/design-edits'

export type { DesignChanges, DesignState, EditCommand } from '../../domain/design-edits'

export const designCalls = {
  'app:info': 'any',
  'design:get': 'provider',
  'design:validate': 'provider',
  'design:apply': 'provider',
  'design:undo': 'provider',
  'design:redo': 'provider',
  'design:new': 'provider',
  'design:open-sample': 'provider',
  'design:load': 'provider',
} as const satisfies Record<keyof typeof designRequests, CallAccess>

export type DesignRequests = {
  [K in keyof typeof designRequests]: z.input<(typeof designRequests)[K]>
}

/** How many problems the open design has, by severity (all of them, listed or not). */
export interface ProblemCounts {
  errors: number
  warnings: number
}

/** Ids of the elements with at least one error, and with at least one warning (canvas marks). */
export interface ProblemElements {
  errors: string[]
  warnings: string[]
}

/**
 * The open design's problems as every answer and event carries them (review s9a #1: a design
 * with 3,497 problems made each edit push 505 KB to every window): `problems` bounded as
 * `boundedProblems` bounds them (at most 200 listed, the rest counted, texts cut), `problemCounts`
 * counting all of them, `problemElements` naming every element that has one.
 */
export interface DesignProblems {
  problems: Problem[]
  problemCounts: ProblemCounts
  problemElements: ProblemElements
}

export interface DesignSnapshot extends DesignState, DesignProblems {
  design: Design
}

export interface AppInfo {
  version: string
  /** `electron` in the desktop app, `web` through the web host. */
  shell: 'electron' | 'web'
  session: SessionInfo
  samples: string[]
}

export interface DesignResponses {
  'app:info': AppInfo
  'design:get': DesignSnapshot
  /** The problems as `boundedProblems` lists them (counts and elements: `design:get`). */
  'design:validate': Problem[]
  'design:apply': DesignState
  'design:undo': DesignState
  'design:redo': DesignState
  'design:new': DesignState
  'design:open-sample': DesignState
  'design:load': DesignState
}

/** Commands chosen from the native application menu (Electron); the renderer carries them out. */
export const MENU_COMMANDS = [
  'new',
  'open',
  'save',
  'save-as',
  'export',
  'export-png',
  'export-svg',
  'undo',
  'redo',
  'delete',
  'select-all',
  'zoom-in',
  'zoom-out',
  'zoom-fit',
] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]

export interface DesignEvents {
  /**
   * The open design changed. `meta` and `simulation` carry the new settings when
   * `changes.metaChanged` / `changes.simulationChanged` (not on `replaced`), so a window
   * patches them in place instead of fetching a 10,000-host design again (issue 19).
   */
  'design:changed': DesignProblems & {
    state: DesignState
    changes: DesignChanges
    meta?: Design['meta']
    simulation?: Design['simulation']
    /**
     * On `replaced` only: what the replace stopped, one sentence each, e.g. "The running
     * simulation (22 %) was stopped because another design was opened." (review s7u #6).
     */
    notices?: string[]
  }
  /** A native menu item or its accelerator was used (Electron only; the web app has an in-page menu). */
  'app:menu': { command: MenuCommand }
}
export const designEventNames = ['design:changed', 'app:menu'] as const satisfies ReadonlyArray<
  keyof DesignEvents
>
