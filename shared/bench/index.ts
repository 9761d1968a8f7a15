// `pnpm bench`: every benchmark of the import core, side by side with the library it must beat,
// in one process. Prints a Markdown table to paste into BENCHMARKS.md.
import os from 'node:os'
import Papa from 'papaparse'
import { runCsvBench } from './csv.ts'
import { generateLeadFile } from './lead-file.ts'
import { countDisagreements, runPhoneBench } from './phone.ts'
import { runPipelineBench } from './pipeline.ts'
import { runXlsxBench } from './xlsx.ts'

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000)
const xlsxRows = Number(process.env.BENCH_XLSX_ROWS ?? 100_000)
const ms = (x: number) => `${Math.round(x).toLocaleString('en-US')} ms`

console.log(
  `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${new Date().toISOString()}\n`,
)

const pipeline = await runPipelineBench(rows)
console.log('| benchmark | baseline | ours | ratio |')
console.log('| --- | --- | --- | --- |')
console.log(
  `| ${rows.toLocaleString('en-US')}-row lead CSV (${pipeline.megabytes.toFixed(0)} MB): read + map + validate (National TR), vs bare PapaParse parse | ${ms(pipeline.papaMs)} | ${ms(pipeline.pipelineMs)} | ${pipeline.ratio.toFixed(2)}× the time |`,
)
const csv = await runCsvBench(rows)
console.log(
  `| CSV reading alone (decode + parse), vs PapaParse | ${ms(csv.papaMs)} | ${ms(csv.oursMs)} | ${(csv.papaMs / csv.oursMs).toFixed(1)}× faster |`,
)
const phone = await runPhoneBench(rows)
for (const m of phone.modes) {
  console.log(
    `| phone normalisation, ${m.mode}: libphonenumber-js/max vs our port, per number | ${m.libraryUsPerNumber.toFixed(2)} µs | ${m.portUsPerNumber.toFixed(2)} µs | ${m.speedup.toFixed(1)}× faster, ${m.disagreements} disagreements |`,
  )
}
// Agreement on every phone cell of the pipeline's file itself (primary and secondary columns).
const cells: string[] = []
for (const row of Papa.parse<string[]>(generateLeadFile(rows), {
  skipEmptyLines: 'greedy',
}).data.slice(1)) {
  if (row[2]) cells.push(row[2])
  if (row[4]) cells.push(row[4])
}
const fileTr = countDisagreements(cells, 'TR')
const fileIntl = countDisagreements(cells)
console.log(
  `| agreement with libphonenumber-js/max on the ${cells.length.toLocaleString('en-US')} phone cells of the lead file | | | ${fileTr} disagreements (TR), ${fileIntl} (international) |`,
)
const xlsx = await runXlsxBench(xlsxRows)
console.log(
  `| ${xlsxRows.toLocaleString('en-US')}-row XLSX (${xlsx.megabytes.toFixed(0)} MB): read + map + validate, vs bare SheetJS read + sheet_to_json | ${ms(xlsx.sheetjsMs)} | ${ms(xlsx.pipelineMs)} | ${xlsx.ratio.toFixed(2)}× the time |`,
)
console.log(
  `\nPipeline counts: ${pipeline.valid.toLocaleString('en-US')} valid, ${pipeline.invalid.toLocaleString('en-US')} invalid, ${pipeline.duplicates.toLocaleString('en-US')} duplicates in the file; peak RSS ${pipeline.peakRssMb.toFixed(0)} MB.`,
)
