export * from './api/schemas.ts'
export * from './errors/codes.ts'
export * from './phone/index.ts'
export * from './read/types.ts'
