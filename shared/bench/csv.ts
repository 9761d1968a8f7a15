// CSV reader benchmark: bare PapaParse on a string vs our reader on bytes (decoding included).
// Run: npx tsx shared/bench/csv.ts [rows]. Both run side by side in one process, alternating, so a
// busy shared CPU slows both alike; the ratio of the medians is the figure to trust.
import Papa from 'papaparse'
import { readTextFile } from '../src/read/text/index.ts'

const FIRST = ['Şükrü', 'Ayşe', 'Çağlar', 'José', 'Zoë', 'Mehmet', 'Gülşen', 'Jürgen', 'Ali']
const LAST = ['Yılmaz', 'Öztürk', 'García', 'Müller', 'Smith', 'Doğan', 'Kaya', 'Dubois']
const COMPANY = ['Acme Ltd', 'Örnek A.Ş.', 'Globex', 'Initech', 'Müller GmbH', 'Umbrella']

/** How the generated CSV is written. */
export interface LeadCsvStyle {
  /** Quote a company that contains a comma on every k-th row (0: never). */
  quoteEvery?: number
  /** Quote every field, as many CRM exports do. */
  quoteAll?: boolean
  newline?: '\n' | '\r\n'
}

/** Builds an n-row lead CSV (header + n rows; a secondary phone on every other row). */
export function generateLeadCsv(n: number, style: LeadCsvStyle = {}): string {
  const { quoteEvery = 0, quoteAll = false, newline = '\n' } = style
  const q = (v: string) => (quoteAll ? `"${v}"` : v)
  const parts: string[] = [
    ['name', 'company', 'phone', 'email', 'secondary_phone'].map(q).join(',') + newline,
  ]
  for (let i = 0; i < n; i++) {
    const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`
    const company =
      quoteEvery > 0 && i % quoteEvery === 0
        ? '"Doğan, Kaya & Co."'
        : q(COMPANY[(i * 3) % COMPANY.length] as string)
    const phone = `+90532${1_000_000 + ((i * 7919) % 9_000_000)}`
    const second = i % 2 === 0 ? `+90555${1_000_000 + (i % 9_000_000)}` : ''
    parts.push(
      `${q(name)},${company},${q(phone)},${q(`lead${i}@example.com`)},${q(second)}${newline}`,
    )
  }
  return parts.join('')
}

/** Figures of one benchmark run (milliseconds are medians). */
export interface CsvBenchResult {
  rows: number
  megabytes: number
  papaMs: number
  oursMs: number
  /** Papa time / our time: higher is better, the target is >= 2.5. */
  ratio: number
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] as number
}

async function timeOurs(bytes: Uint8Array, expected: number): Promise<number> {
  let records = 0
  let fields = 0
  const t = performance.now()
  const res = await readTextFile(bytes, {
    onRecord: (f) => {
      records++
      fields += f.length
    },
  })
  const ms = performance.now() - t
  if (!res.ok || records !== expected || fields !== expected * 5) throw new Error('bad parse')
  return ms
}

function timePapa(text: string, expected: number): number {
  const t = performance.now()
  const res = Papa.parse(text, { header: false, skipEmptyLines: 'greedy' })
  const ms = performance.now() - t
  if (res.data.length !== expected) throw new Error('bad Papa parse')
  return ms
}

/** Times Papa.parse(string) and readTextFile(bytes in 1 MB chunks) on an n-row lead CSV. */
export async function runCsvBench(
  n = 1_000_000,
  style: LeadCsvStyle = {},
  runs = 3,
): Promise<CsvBenchResult> {
  const text = generateLeadCsv(n, style)
  const bytes = new TextEncoder().encode(text)
  const papa: number[] = []
  const ours: number[] = []
  for (let r = 0; r < runs; r++) {
    papa.push(timePapa(text, n + 1))
    ours.push(await timeOurs(bytes, n + 1))
  }
  const papaMs = median(papa)
  const oursMs = median(ours)
  return { rows: n, megabytes: bytes.length / 1e6, papaMs, oursMs, ratio: papaMs / oursMs }
}

function print(label: string, r: CsvBenchResult): void {
  const f = (ms: number) => `${ms.toFixed(0)} ms`
  console.log(
    `${label}: ${r.rows.toLocaleString('en')} rows, ${r.megabytes.toFixed(1)} MB | ` +
      `Papa.parse(string) ${f(r.papaMs)} | readTextFile(bytes) ${f(r.oursMs)} | ` +
      `${r.ratio.toFixed(2)}x`,
  )
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 1_000_000)
  print('plain', await runCsvBench(n))
  print('10% quoted', await runCsvBench(n, { quoteEvery: 10 }))
  print('all quoted, CRLF', await runCsvBench(n, { quoteAll: true, newline: '\r\n' }))
}
