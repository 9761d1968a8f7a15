// Starts a worker module from source: TypeScript entries (tests, `node --import tsx`) go through
// tsx, which Node 20 does not apply to worker threads on its own; a `.js` entry is imported as
// is. The entry's URL is the last of the worker's `process.argv` (see start-worker.ts).
const entry = process.argv.at(-1)
if (entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api')
  register()
}
await import(entry)
