// XLSX: our read + map + validate of a 100k-row workbook against bare SheetJS reading it
// (read in dense mode + sheet_to_json), side by side in one process.
import Papa from 'papaparse'
import * as XLSX from 'xlsx'
import { checkLeadFile } from '../src/import/check-lead-file.ts'
import { buildTargets } from '../src/mapping/fields.ts'
import { generateLeadFile } from './lead-file.ts'

/** Figures of the XLSX benchmark (medians). */
export interface XlsxBenchResult {
  rows: number
  megabytes: number
  sheetjsMs: number
  pipelineMs: number
  ratio: number
  valid: number
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number

/** Builds an n-row lead workbook (phones as text, like a CRM export) and times both readers. */
export async function runXlsxBench(n = 100_000, runs = 3): Promise<XlsxBenchResult> {
  const rows = Papa.parse<string[]>(generateLeadFile(n), { skipEmptyLines: 'greedy' }).data
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Leads')
  const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer)
  const targets = buildTargets([
    { key: 'customer_name', label: 'Name', required: true },
    { key: 'company', label: 'Company', required: false },
  ])
  const bare: number[] = []
  const ours: number[] = []
  let valid = 0
  for (let r = 0; r < runs; r++) {
    let t = performance.now()
    const book = XLSX.read(bytes, { type: 'array', dense: true })
    const ws = book.Sheets[book.SheetNames[0] as string] as XLSX.WorkSheet
    const json = XLSX.utils.sheet_to_json(ws, { header: 1 })
    bare.push(performance.now() - t)
    if (json.length !== n + 1) throw new Error(`SheetJS read ${json.length} rows`)

    t = performance.now()
    const res = await checkLeadFile(
      bytes,
      { targets, format: { kind: 'national', country: 'TR' } },
      () => undefined,
    )
    ours.push(performance.now() - t)
    if (!res.ok) throw new Error(res.error.message)
    valid = res.data.summary.valid
  }
  const sheetjsMs = median(bare)
  const pipelineMs = median(ours)
  return {
    rows: n,
    megabytes: bytes.length / 1e6,
    sheetjsMs,
    pipelineMs,
    ratio: pipelineMs / sheetjsMs,
    valid,
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await runXlsxBench(Number(process.argv[2] ?? 100_000)))
}
