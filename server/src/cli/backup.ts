import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { backupDatabase } from '../db/backup.ts'
import type { Runtime } from './runtime.ts'

/** `leads backup FILE [--data DIR]`: a consistent copy of the database, safe while it runs. */
export function backupCommand(args: string[], runtime: Runtime): number {
  const { values, positionals } = parseArgs({
    args,
    options: { data: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  })
  const [target, ...extra] = positionals
  if (!target || extra.length > 0) {
    console.error('Usage: leads backup FILE [--data DIR]')
    return 2
  }
  const source = resolve(values.data ?? process.env.LEADPORT_DATA ?? './data', 'leadport.db')
  if (!existsSync(source)) {
    console.error(`There is no database at ${source}. Pass the app's folder with --data DIR.`)
    return 2
  }
  const out = resolve(target)
  if (out === source || out.startsWith(`${source}-`)) {
    console.error('Write the backup somewhere other than the live database file.')
    return 2
  }
  const started = performance.now()
  const result = backupDatabase(source, out, runtime.nativeBinding)
  const ms = Math.round(performance.now() - started)
  console.log(
    `Backed up ${source} to ${result.file}: ${result.bytes} bytes, integrity ok, ${ms} ms.`,
  )
  return 0
}
