#!/usr/bin/env node
import { parseArgs } from 'node:util'
import { startServer } from './serve.ts'
import { VERSION } from './version.ts'

const USAGE = `Leadport ${VERSION}: lead import and AI calling campaigns

Usage: leads <command> [options]

Commands:
  serve     Run the web app and API
            --port N      port to listen on (env LEADPORT_PORT, default 8787)
            --host H      address to bind (env LEADPORT_HOST, default 127.0.0.1)
            --data DIR    folder for the SQLite file (env LEADPORT_DATA, default ./data)
  version   Print the version
  help      Show this text
`

/** Runs one CLI command; resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  switch (command) {
    case 'serve':
      return serveCommand(rest)
    case 'version':
    case '--version':
      console.log(VERSION)
      return 0
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE)
      return 0
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`)
      return 2
  }
}

async function serveCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { port: { type: 'string' }, host: { type: 'string' }, data: { type: 'string' } },
    strict: true,
  })
  const portText = values.port ?? process.env.LEADPORT_PORT ?? '8787'
  const port = Number(portText)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535, not "${portText}".`)
    return 2
  }
  const server = await startServer({
    port,
    host: values.host ?? process.env.LEADPORT_HOST ?? '127.0.0.1',
    dataDir: values.data ?? process.env.LEADPORT_DATA ?? './data',
    log: (line) => console.log(line),
  })
  console.log(`Leadport ${VERSION} listening on ${server.url}  (data: ${server.dbFile})`)
  await new Promise<void>((done) => {
    const stop = (signal: string) => {
      console.log(`${signal}: finishing in-flight requests, then closing the database`)
      server.close().then(done)
    }
    process.once('SIGTERM', () => stop('SIGTERM'))
    process.once('SIGINT', () => stop('SIGINT'))
  })
  return 0
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err)
    process.exitCode = 1
  },
)
