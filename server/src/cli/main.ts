import { parseArgs } from 'node:util'
import { startServer } from '../serve.ts'
import { VERSION } from '../version.ts'
import { backupCommand } from './backup.ts'
import { checkCommand } from './check.ts'
import { CliError } from './file-options.ts'
import { inspectCommand } from './inspect.ts'
import { loadRuntime, type Runtime } from './runtime.ts'

const USAGE = `Leadport ${VERSION}: lead import and AI calling campaigns

Usage: leads <command> [options]

Commands:
  serve     Run the web app and API
            --port N      port to listen on (env LEADPORT_PORT, default 8787)
            --host H      address to bind (env LEADPORT_HOST, default 127.0.0.1)
            --data DIR    folder for the SQLite file (env LEADPORT_DATA, default ./data)
            --trust-proxy believe X-Forwarded-Proto/-Host (env LEADPORT_TRUST_PROXY=1)
            --dialer simulator|webhook|off  who places the calls (env LEADPORT_DIALER,
                          default simulator; webhook needs LEADPORT_WEBHOOK_URL and _SECRET)
            --sim-speed N  simulated calls run N times faster, 1-1000 (env LEADPORT_SIM_SPEED,
                          default 1; for demos and tests)
            First start: LEADPORT_ADMIN_EMAIL + LEADPORT_ADMIN_PASSWORD create the admin;
            without them the app asks for it, with a setup code printed here.
  backup FILE    Copy the database consistently while the app runs
            --data DIR    the app's folder (env LEADPORT_DATA, default ./data)
  inspect FILE   How a lead file is read, and its rows as text
            --sheet NAME  --header-row N  --encoding E  --delimiter D  --limit N  --json
  check FILE     Read, map and validate a lead file as an import would
            --format international|national  --country CC
            --variables a,b!  (assistant variables; ! marks a required one)
            --sheet NAME  --header-row N  --encoding E  --delimiter D  --json
            Exit 0 when the file was read (bad rows included), 2 when it was refused.
  version   Print the version
  help      Show this text
`

/** Runs one CLI command; resolves to the process exit code. */
export async function main(argv: string[], runtime: Runtime = loadRuntime()): Promise<number> {
  const [command, ...rest] = argv
  switch (command) {
    case 'serve':
      return serveCommand(rest, runtime)
    case 'backup':
      return backupCommand(rest, runtime)
    case 'inspect':
      return withFileErrors(rest, inspectCommand)
    case 'check':
      return withFileErrors(rest, checkCommand)
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

/** Runs a file command; a refusal prints `{ error: { code, message } }` (JSON) or text, exit 2. */
async function withFileErrors(args: string[], run: (args: string[]) => Promise<number>) {
  try {
    return await run(args)
  } catch (err) {
    const e =
      err instanceof CliError
        ? err
        : err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')
          ? new CliError('BAD_REQUEST', err.message)
          : null
    if (!e) throw err
    if (args.includes('--json'))
      console.log(JSON.stringify({ error: { code: e.code, message: e.message } }))
    else console.error(`${e.code}: ${e.message}`)
    return 2
  }
}

async function serveCommand(args: string[], runtime: Runtime): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      'trust-proxy': { type: 'boolean' },
      dialer: { type: 'string' },
      'sim-speed': { type: 'string' },
    },
    strict: true,
  })
  const dialer = values.dialer ?? process.env.LEADPORT_DIALER ?? 'simulator'
  if (dialer !== 'simulator' && dialer !== 'webhook' && dialer !== 'off') {
    console.error(`--dialer is simulator, webhook or off, not "${dialer}".`)
    return 2
  }
  const speedText = values['sim-speed'] ?? process.env.LEADPORT_SIM_SPEED ?? '1'
  const simSpeed = Number(speedText)
  if (!Number.isFinite(simSpeed) || simSpeed < 1 || simSpeed > 1000) {
    console.error(`--sim-speed must be a number from 1 to 1000, not "${speedText}".`)
    return 2
  }
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
    trustProxy:
      values['trust-proxy'] ?? /^(1|true|yes)$/i.test(process.env.LEADPORT_TRUST_PROXY ?? ''),
    log: (line) => console.log(line),
    dialer,
    simSpeed,
    ...runtime,
  })
  console.log(`Leadport ${VERSION} listening on ${server.url}  (data: ${server.dbFile})`)
  if (server.admin === 'created') console.log('Created the admin from LEADPORT_ADMIN_EMAIL.')
  if (server.setupCode) {
    console.log(
      `First run: open ${server.url}/ to create the admin account; setup code: ${server.setupCode}`,
    )
  }
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
