// `pnpm bench`: every benchmark of the import core, side by side with the library it must beat.
// Each runs in its own process (fresh heap and JIT); prints a Markdown table for BENCHMARKS.md.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { type BrowserBenchResult, CHROMIUM, GOALS } from './browser.ts'
import type { CsvBenchResult } from './csv.ts'
import type { PhoneBenchResult } from './phone.ts'
import type { PipelineBenchResult } from './pipeline.ts'
import type { XlsxBenchResult } from './xlsx.ts'
import type { XlsxStreamBenchResult } from './xlsx-stream.ts'

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000)
const xlsxRows = Number(process.env.BENCH_XLSX_ROWS ?? 100_000)
const ms = (x: number) => `${Math.round(x).toLocaleString('en-US')} ms`
const n = (x: number) => x.toLocaleString('en-US')
const runOne = fileURLToPath(new URL('./run-one.ts', import.meta.url))

function run<T>(name: string, count: number): T {
  const out = execFileSync(process.execPath, ['--import', 'tsx', runOne, name, String(count)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  })
  return JSON.parse(out.trim().split('\n').pop() as string) as T
}

console.log(
  `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${os.loadavg()[0]?.toFixed(1)}, ${new Date().toISOString()}\n`,
)
console.log('| benchmark | baseline | ours | ratio |')
console.log('| --- | --- | --- | --- |')
const pipeline = run<PipelineBenchResult>('pipeline', rows)
console.log(
  `| ${n(rows)}-row lead CSV (${pipeline.megabytes.toFixed(0)} MB): read + map + validate (National TR), vs bare PapaParse parse | ${ms(pipeline.papaMs)} | ${ms(pipeline.pipelineMs)} | ${pipeline.ratio.toFixed(2)}× the time |`,
)
const csv = run<CsvBenchResult>('csv', rows)
console.log(
  `| CSV reading alone (decode + parse), vs PapaParse | ${ms(csv.papaMs)} | ${ms(csv.oursMs)} | ${(csv.papaMs / csv.oursMs).toFixed(1)}× faster |`,
)
const phone = run<PhoneBenchResult>('phone', rows)
for (const m of phone.modes) {
  console.log(
    `| phone normalisation, ${m.mode}: libphonenumber-js/max vs our port, per number | ${m.libraryUsPerNumber.toFixed(2)} µs | ${m.portUsPerNumber.toFixed(2)} µs | ${m.speedup.toFixed(1)}× faster, ${m.disagreements} disagreements |`,
  )
}
const agree = run<{ cells: number; tr: number; intl: number }>('agreement', rows)
console.log(
  `| agreement with libphonenumber-js/max on the ${n(agree.cells)} phone cells of the lead file | | | ${agree.tr} disagreements (TR), ${agree.intl} (international) |`,
)
const xlsx = run<XlsxBenchResult>('xlsx', xlsxRows)
console.log(
  `| ${n(xlsxRows)}-row XLSX (${xlsx.megabytes.toFixed(0)} MB): read + map + validate, vs bare SheetJS read + sheet_to_json | ${ms(xlsx.sheetjsMs)} | ${ms(xlsx.pipelineMs)} | ${xlsx.ratio.toFixed(2)}× the time |`,
)
const xs = run<XlsxStreamBenchResult>(
  'xlsx-stream',
  Number(process.env.BENCH_XLSX_STREAM_ROWS ?? rows),
)
console.log(
  `| ${n(xs.rows)}-row lead XLSX (${xs.megabytes.toFixed(0)} MB): streaming read + map + validate vs bare SheetJS read + sheet_to_json, each in its own process, goal ≥4× at ≤⅓ peak RSS | ${ms(xs.sheetjs.ms)}, ${xs.sheetjs.peakRssMb.toFixed(0)} MB | ${ms(xs.stream.ms)}, ${xs.stream.peakRssMb.toFixed(0)} MB | ${xs.speedup.toFixed(1)}× faster at ${(xs.memoryRatio * 100).toFixed(0)} % of the memory |`,
)
// Server ingestion (issue 6): 1M rows as import chunks over loopback HTTP from this process's
// child to a server process; the script lives with the server and prints JSON.
const ingestScript = fileURLToPath(new URL('../../server/bench/ingest.ts', import.meta.url))
const ingestRows = Number(process.env.BENCH_INGEST_ROWS ?? rows)
const ingestOut = execFileSync(
  process.execPath,
  ['--import', 'tsx', ingestScript, String(ingestRows), '5000', '8'],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 },
)
const ingest = JSON.parse(ingestOut.trim().split('\n').pop() as string) as {
  rowsPerSecond: number
  seconds: number
}
console.log(
  `| server ingestion: ${n(ingestRows)} rows as 5,000-row chunks over HTTP on loopback (8 in flight), re-validated and deduped, goal 250,000 rows/s | | ${ingest.seconds.toFixed(1)} s | ${n(Math.round(ingest.rowsPerSecond))} rows/s |`,
)
// The import wizard in headless Chromium against the real server (issue 7); skipped without
// Chromium or without the SPA build (`pnpm build`).
const browserRows = Number(process.env.BENCH_BROWSER_ROWS ?? rows)
if (!existsSync(CHROMIUM)) {
  console.log(`| browser import wizard | | skipped: no Chromium at ${CHROMIUM} | |`)
} else if (!existsSync(fileURLToPath(new URL('../../web/dist/index.html', import.meta.url)))) {
  console.log('| browser import wizard | | skipped: run `pnpm build` first | |')
} else {
  const browserScript = fileURLToPath(new URL('./browser.ts', import.meta.url))
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', browserScript, String(browserRows)],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
    },
  )
  const b = JSON.parse(out.trim().split('\n').pop() as string) as BrowserBenchResult
  console.log(
    `| browser: ${n(browserRows)}-row CSV (${b.megabytes.toFixed(0)} MB) in headless Chromium, file pick → review screen, goal < ${ms(GOALS.reviewMs)} | | ${ms(b.reviewMs)} | longest main-thread task ${ms(b.maxLongTaskMs)}; steps ready at ${b.nextClicksMs.map(ms).join(', ')} |`,
  )
  console.log(
    `| browser: file pick → all rows stored (upload alone ${ms(b.uploadMs)}), goal < ${ms(GOALS.storedMs)} | | ${ms(b.storedMs)} | ${n(b.stored)} of ${n(browserRows)} leads stored |`,
  )
}
console.log(
  `\nPipeline counts: ${n(pipeline.valid)} valid, ${n(pipeline.invalid)} invalid, ${n(pipeline.duplicates)} duplicates in the file; peak RSS ${pipeline.peakRssMb.toFixed(0)} MB.`,
)
