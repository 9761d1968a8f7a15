export { cellToText, isBlankRow, toCell } from './cells.ts'
export { listSheets, openWorkbook } from './open-workbook.ts'
export { readSheet, readWorkbook } from './read-workbook.ts'
export { HEADER_SCAN_ROWS, MAX_COLUMNS, type MergedRange, type OnRow } from './scan-sheet.ts'
export { loadCodepages, mapSheetJsError } from './sheetjs.ts'
export { type ReadXlsxOptions, readXlsx, STREAM_ZIP_LIMITS } from './stream/read-xlsx.ts'
export type * from './types.ts'
export {
  checkZip,
  DEFAULT_ZIP_LIMITS,
  listZip,
  ZIP_MAX_ENTRIES,
  ZIP_MAX_RATIO,
  ZIP_MAX_TOTAL_BYTES,
  ZIP_RATIO_MIN_BYTES,
  type ZipEntry,
  type ZipLimits,
} from './zip-gate.ts'
