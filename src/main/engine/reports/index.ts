/** Reports: the report model, provider and tenant builders, HTML, CSV and SVG builders. */
export { formatCsvForPeople, reportCsvFiles, spreadsheetSafeCell, type CsvFile } from './csv'
export { clock, durationText } from './format'
export { renderReportHtml, type ChartRenderer, type HtmlOptions } from './html'
export { reportCharts, reportTables } from './model'
export type {
  ChartSeries,
  ReportBlock,
  ReportChart,
  ReportModel,
  ReportSection,
  ReportTable,
} from './model'
export {
  buildProviderReport,
  displayNames,
  fabricSections,
  type ProviderReportInput,
} from './provider-report'
export { buildTenantReport, zonesSvg } from './tenant-report'
export { topologySvg } from './topology-svg'
