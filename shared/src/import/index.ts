export * from './check-lead-file.ts'
export * from './chunk-cells.ts'
export * from './read-lead-file.ts'
