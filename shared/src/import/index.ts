export * from './check-lead-file.ts'
export * from './read-lead-file.ts'
