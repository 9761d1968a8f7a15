// The import core end to end, single thread: read + map + validate a lead CSV with
// checkLeadFile, against bare PapaParse parsing the same (already decoded) text, side by side.
import Papa from 'papaparse'
import { checkLeadFile } from '../src/import/check-lead-file.ts'
import { buildTargets } from '../src/mapping/fields.ts'
import { generateLeadFile } from './lead-file.ts'

/** Figures of the pipeline benchmark (milliseconds are medians of the runs). */
export interface PipelineBenchResult {
  rows: number
  megabytes: number
  papaMs: number
  pipelineMs: number
  /** pipeline time / Papa time: at most 1 is the promise. */
  ratio: number
  valid: number
  invalid: number
  duplicates: number
  peakRssMb: number
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number

/** Runs both `runs` times, alternating, and returns the medians. */
export async function runPipelineBench(n = 1_000_000, runs = 3): Promise<PipelineBenchResult> {
  const text = generateLeadFile(n)
  const bytes = new TextEncoder().encode(text)
  const targets = buildTargets([
    { key: 'customer_name', label: 'Name', required: true },
    { key: 'company', label: 'Company', required: false },
  ])
  const papa: number[] = []
  const ours: number[] = []
  let counts = { valid: 0, invalid: 0, duplicates: 0 }
  let peak = 0
  for (let r = 0; r < runs; r++) {
    let t = performance.now()
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' })
    papa.push(performance.now() - t)
    if (parsed.data.length !== n + 1) throw new Error(`Papa read ${parsed.data.length} rows`)

    t = performance.now()
    let seen = 0
    const res = await checkLeadFile(
      bytes,
      { targets, format: { kind: 'national', country: 'TR' }, onProgress: () => undefined },
      () => {
        seen++
        return undefined
      },
    )
    ours.push(performance.now() - t)
    if (!res.ok) throw new Error(res.error.message)
    if (seen !== n) throw new Error(`pipeline saw ${seen} rows`)
    const s = res.data.summary
    counts = { valid: s.valid, invalid: s.invalid, duplicates: s.duplicates_in_file }
    peak = Math.max(peak, process.memoryUsage().rss)
  }
  const papaMs = median(papa)
  const pipelineMs = median(ours)
  return {
    rows: n,
    megabytes: bytes.length / 1e6,
    papaMs,
    pipelineMs,
    ratio: pipelineMs / papaMs,
    ...counts,
    peakRssMb: peak / 1e6,
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 1_000_000)
  console.log(await runPipelineBench(n))
}
