// Starts a worker module: TypeScript sources (tests, `node --import tsx`) go through tsx, which
// Node 20 does not apply to worker threads on its own; a bundled `.js` entry is imported as is.
import { workerData } from 'node:worker_threads'

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api')
  register()
}
await import(workerData.entry)
