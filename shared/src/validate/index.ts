export * from './clean-text.ts'
export * from './messages.ts'
export * from './validate-row.ts'
