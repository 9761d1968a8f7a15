export * from './api/schemas.ts'
export * from './errors/codes.ts'
export * from './import/index.ts'
export * from './mapping/index.ts'
export * from './phone/index.ts'
export * from './read/sniff.ts'
export * from './read/text/index.ts'
export * from './read/types.ts'
export {
  cellToText,
  listSheets,
  MAX_COLUMNS,
  openWorkbook,
  readWorkbook,
  type SheetInfo,
  type WorkbookRead,
} from './read/workbook/index.ts'
export * from './validate/index.ts'
