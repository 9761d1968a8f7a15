// XLSX at scale (issue 9): read + map + validate of a 1,000,000-row lead workbook with the
// streaming reader (checkLeadFile, as the worker and the server run it) against bare SheetJS
// `read` (dense) + `sheet_to_json`, each in its own process so that each peak RSS is its own.
// Goal: at least 4x faster at no more than a third of SheetJS's peak memory.
//   tsx shared/bench/xlsx-stream.ts [rows]
import { execFileSync } from 'node:child_process'
import { statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import * as XLSX from 'xlsx'
import { checkLeadFile } from '../src/import/check-lead-file.ts'
import { buildTargets } from '../src/mapping/fields.ts'
import { readXlsx } from '../src/read/workbook/stream/read-xlsx.ts'
import { leadWorkbook, leadWorkbookPath } from './xlsx-file.ts'

/** One reader's figures, measured in a fresh process. */
export interface XlsxRunFigures {
  ms: number
  /** Peak resident set of the process (`resourceUsage().maxRSS`), file bytes and code included. */
  peakRssMb: number
  /** RSS once the file was loaded, before reading started. */
  baseRssMb: number
  rows: number
}

/** Figures of the streaming-XLSX benchmark. */
export interface XlsxStreamBenchResult {
  rows: number
  megabytes: number
  sheetjs: XlsxRunFigures
  stream: XlsxRunFigures
  /** Reading alone (no map/validate), native inflate, and with the fflate fallback. */
  readOnly: XlsxRunFigures
  readOnlyFflate: XlsxRunFigures
  speedup: number
  memoryRatio: number
}

type Mode = 'sheetjs' | 'stream' | 'read-only' | 'read-only-fflate'

async function child(mode: Mode, n: number): Promise<XlsxRunFigures> {
  const bytes = leadWorkbook(n)
  const baseRssMb = process.memoryUsage().rss / 1e6
  const t = performance.now()
  let rows = 0
  if (mode === 'sheetjs') {
    const book = XLSX.read(bytes, { type: 'array', dense: true })
    const ws = book.Sheets[book.SheetNames[0] as string] as XLSX.WorkSheet
    rows = XLSX.utils.sheet_to_json(ws, { header: 1 }).length
  } else if (mode === 'stream') {
    const targets = buildTargets([
      { key: 'customer_name', label: 'Name', required: true },
      { key: 'company', label: 'Company', required: false },
    ])
    const res = await checkLeadFile(
      bytes,
      { targets, format: { kind: 'national', country: 'TR' } },
      () => undefined,
    )
    if (!res.ok) throw new Error(res.error.message)
    rows = res.data.summary.rows + 1
  } else {
    const res = await readXlsx(bytes, {
      native: mode === 'read-only',
      onRow: () => {
        rows++
      },
    })
    if ('refused' in res || !res.ok) throw new Error(JSON.stringify(res))
  }
  const ms = performance.now() - t
  if (rows !== n + 1) throw new Error(`${mode} read ${rows} rows, expected ${n + 1}`)
  return { ms, peakRssMb: (process.resourceUsage().maxRSS * 1024) / 1e6, baseRssMb, rows }
}

const self = fileURLToPath(import.meta.url)

function spawn(mode: Mode, n: number): XlsxRunFigures {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', self, '--child', mode, String(n)],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 16 * 1024 * 1024,
    },
  )
  return JSON.parse(out.trim().split('\n').pop() as string) as XlsxRunFigures
}

/**
 * Writes (or reuses) the n-row workbook, then times each reader in its own process.
 * @example const r = await runXlsxStreamBench(1_000_000); r.speedup // 4.8
 */
export async function runXlsxStreamBench(n = 1_000_000): Promise<XlsxStreamBenchResult> {
  const megabytes = statSync(leadWorkbookPath(n)).size / 1e6
  const sheetjs = spawn('sheetjs', n)
  const stream = spawn('stream', n)
  const readOnly = spawn('read-only', n)
  const readOnlyFflate = spawn('read-only-fflate', n)
  return {
    rows: n,
    megabytes,
    sheetjs,
    stream,
    readOnly,
    readOnlyFflate,
    speedup: sheetjs.ms / stream.ms,
    memoryRatio: stream.peakRssMb / sheetjs.peakRssMb,
  }
}

const [flag, modeArg, rowsArg] = process.argv.slice(2)
if (flag === '--child') {
  console.log(JSON.stringify(await child(modeArg as Mode, Number(rowsArg))))
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(flag ?? 1_000_000)
  const r = await runXlsxStreamBench(n)
  const ms = (x: number) => `${Math.round(x).toLocaleString('en-US')} ms`
  const mb = (x: number) => `${Math.round(x).toLocaleString('en-US')} MB`
  console.log(JSON.stringify(r))
  console.log(
    `| ${n.toLocaleString('en-US')}-row lead XLSX (${r.megabytes.toFixed(0)} MB) | time | peak RSS |`,
  )
  console.log('| --- | --- | --- |')
  console.log(
    `| bare SheetJS read (dense) + sheet_to_json | ${ms(r.sheetjs.ms)} | ${mb(r.sheetjs.peakRssMb)} |`,
  )
  console.log(
    `| streaming reader: read + map + validate | ${ms(r.stream.ms)} | ${mb(r.stream.peakRssMb)} |`,
  )
  console.log(
    `| streaming reader: read only (DecompressionStream) | ${ms(r.readOnly.ms)} | ${mb(r.readOnly.peakRssMb)} |`,
  )
  console.log(
    `| streaming reader: read only (fflate) | ${ms(r.readOnlyFflate.ms)} | ${mb(r.readOnlyFflate.peakRssMb)} |`,
  )
  console.log(
    `\n${r.speedup.toFixed(1)}x faster at ${(r.memoryRatio * 100).toFixed(0)} % of SheetJS's peak RSS`,
  )
}
