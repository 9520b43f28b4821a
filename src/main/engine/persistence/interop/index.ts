/** Design imports and exports to other tools' formats. */
export { formatCsv, parseCsv, type CsvTable } from './csv'
export { exportNetboxCsv, NETBOX_COLUMNS } from './netbox-export'
export { importNetboxCsv } from './netbox-import'
export { exportOpenDcTopology } from './opendc-export'
export { importOpenDcTopology } from './opendc-import'
export type { ExportResult, ImportResult } from './types'
