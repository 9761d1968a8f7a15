// Builds the single binary dist/leads: a Node SEA carrying the bundled CLI and server, the built
// SPA and better-sqlite3's addon. Run by `pnpm build:binary` after the web build.
// Usage: node scripts/build-binary.mjs [--out dist/leads]
import { execFileSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { build } from 'esbuild'

const root = resolve(import.meta.dirname, '..')
const outFlag = process.argv.indexOf('--out')
const out = resolve(root, outFlag > 0 ? process.argv[outFlag + 1] : 'dist/leads')
const work = join(dirname(out), 'sea')
const web = join(root, 'web/dist')
const started = performance.now()
const step = (what) =>
  console.log(`==> ${what} (${((performance.now() - started) / 1000).toFixed(1)} s)`)

if (!existsSync(join(web, 'index.html'))) {
  console.error('web/dist is missing: run `pnpm build` first (pnpm build:binary does).')
  process.exit(1)
}
rmSync(work, { recursive: true, force: true })
mkdirSync(work, { recursive: true })

step('Bundling the CLI and server (esbuild)')
await build({
  entryPoints: [join(root, 'server/src/cli/bin.ts')],
  outfile: join(work, 'leads.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // serve.ts reads import.meta.url only to find web/dist on disk; the binary passes its assets.
  logOverride: { 'empty-import-meta': 'silent' },
  legalComments: 'none',
})

// Each worker thread entry (server/src/workers/entries.json) becomes its own CommonJS bundle,
// carried as the asset `worker:<name>` and started with `new Worker(code, { eval: true })`.
step('Bundling the worker threads (esbuild)')
const workers = JSON.parse(readFileSync(join(root, 'server/src/workers/entries.json'), 'utf8'))
const workerAssets = {}
for (const [name, entry] of Object.entries(workers)) {
  const outfile = join(work, 'workers', `${name}.cjs`)
  await build({
    entryPoints: [join(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logOverride: { 'empty-import-meta': 'silent' },
    legalComments: 'none',
  })
  workerAssets[`worker:${name}`] = outfile
}

step('Collecting the SPA and the SQLite addon')
const serverRequire = createRequire(join(root, 'server/package.json'))
const addon = join(
  dirname(serverRequire.resolve('better-sqlite3/package.json')),
  'build/Release/better_sqlite3.node',
)
const assets = { 'better_sqlite3.node': addon, ...workerAssets }
const files = []
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) walk(path)
    else if (!entry.name.endsWith('.map')) {
      const url = `/${relative(web, path).split(sep).join('/')}`
      files.push(url)
      assets[`web:${url}`] = path
    }
  }
}
walk(web)
writeFileSync(join(work, 'web-files.json'), JSON.stringify(files))
assets['web-files.json'] = join(work, 'web-files.json')

step('Writing the SEA blob')
const config = {
  main: join(work, 'leads.cjs'),
  output: join(work, 'sea-prep.blob'),
  disableExperimentalSEAWarning: true,
  useSnapshot: false,
  useCodeCache: false,
  assets,
}
writeFileSync(join(work, 'sea-config.json'), JSON.stringify(config, null, 2))
execFileSync(process.execPath, ['--experimental-sea-config', join(work, 'sea-config.json')], {
  stdio: 'inherit',
})

step(`Injecting it into a copy of ${process.execPath}`)
rmSync(out, { force: true })
copyFileSync(process.execPath, out)
const postject = createRequire(join(root, 'package.json')).resolve('postject/dist/cli.js')
execFileSync(
  process.execPath,
  [
    postject,
    out,
    'NODE_SEA_BLOB',
    config.output,
    '--sentinel-fuse',
    'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2',
  ],
  { stdio: 'inherit' },
)
step(`Done: ${relative(process.cwd(), out)} (${files.length} web files)`)
