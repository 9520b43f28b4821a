/** Design imports and exports to other tools' formats. */
export { formatCsv } from './csv'
export { MERGE_ORDER, mergeCommands } from './merge'
export { exportNetboxCsv, NETBOX_COLUMNS } from './netbox-export'
export { importNetboxCsv } from './netbox-import'
export { exportOpenDcTopology, type OpenDcSchema } from './opendc-export'
export { importOpenDcTopology } from './opendc-import'
export type { ExportResult, ImportResult } from './types'
