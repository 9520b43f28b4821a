/** The `app:` and `design:` calls: names, who may make them, request and response types. */
import type { z } from 'zod'
import type { EntityKind } from '../../design/enums'
import type { Design } from '../../design/schema'
import type { Problem } from '../result'
import type { CallAccess, SessionInfo } from '../session'
import type { designRequests } from '../schemas/design'

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

/** The editor's state of the open design. */
export interface DesignState {
  /** Increases with every change (edit, undo, redo, load). */
  revision: number
  dirty: boolean
  canUndo: boolean
  canRedo: boolean
  /** Label of the edit that undo would revert, for menus. */
  undoLabel?: string
  redoLabel?: string
  /** File the design was loaded from or last saved to, if any. */
  filePath?: string
}

export interface DesignSnapshot extends DesignState {
  design: Design
  problems: Problem[]
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
  'design:validate': Problem[]
  'design:apply': DesignState
  'design:undo': DesignState
  'design:redo': DesignState
  'design:new': DesignState
  'design:open-sample': DesignState
  'design:load': DesignState
}

/** What one change did to the design, so views can patch themselves instead of reloading. */
export interface DesignChanges {
  /** Elements added or changed, with their kind. */
  upserted: Array<{ kind: EntityKind; entity: { id: string } }>
  /** Ids of elements removed. */
  removed: string[]
  metaChanged: boolean
  simulationChanged: boolean
  /** The whole design was replaced (load, new): refetch instead of patching. */
  replaced: boolean
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
  'design:changed': { state: DesignState; changes: DesignChanges; problems: Problem[] }
  /** A native menu item or its accelerator was used (Electron only; the web app has an in-page menu). */
  'app:menu': { command: MenuCommand }
}
export const designEventNames = ['design:changed', 'app:menu'] as const satisfies ReadonlyArray<
  keyof DesignEvents
>
