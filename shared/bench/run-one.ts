// Runs one benchmark in a fresh process and prints its result as JSON on the last line, so no
// benchmark inherits another's heap or JIT state (`index.ts` calls it once per benchmark).
import Papa from 'papaparse'
import { runCsvBench } from './csv.ts'
import { generateLeadFile } from './lead-file.ts'
import { countDisagreements, runPhoneBench } from './phone.ts'
import { runPipelineBench } from './pipeline.ts'
import { runXlsxBench } from './xlsx.ts'
import { runXlsxStreamBench } from './xlsx-stream.ts'

const [name, rowsText] = process.argv.slice(2)
const rows = Number(rowsText)

async function run(): Promise<unknown> {
  switch (name) {
    case 'pipeline':
      return runPipelineBench(rows)
    case 'csv':
      return runCsvBench(rows)
    case 'phone':
      return runPhoneBench(rows)
    case 'xlsx':
      return runXlsxBench(rows)
    case 'xlsx-stream':
      return runXlsxStreamBench(rows)
    case 'agreement': {
      // Every phone cell of the pipeline's file (primary and secondary columns).
      const cells: string[] = []
      const parsed = Papa.parse<string[]>(generateLeadFile(rows), { skipEmptyLines: 'greedy' })
      for (const row of parsed.data.slice(1)) {
        if (row[2]) cells.push(row[2])
        if (row[4]) cells.push(row[4])
      }
      return {
        cells: cells.length,
        tr: countDisagreements(cells, 'TR'),
        intl: countDisagreements(cells),
      }
    }
    default:
      throw new Error(`unknown benchmark ${name}`)
  }
}

console.log(JSON.stringify(await run()))
