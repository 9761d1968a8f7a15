// The API's request and response schemas, by resource; one import path for web and server.
export * from './assistants.ts'
export * from './auth.ts'
export * from './campaigns.ts'
export * from './common.ts'
export * from './imports.ts'
export * from './leads.ts'
export * from './phone-numbers.ts'
export * from './script.ts'
