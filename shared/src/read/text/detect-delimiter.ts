import { CsvParser } from './csv-parser.ts'
import { DELIMITERS, type Delimiter } from './types.ts'

/** Options of `detectDelimiter`. */
export interface DetectDelimiterOptions {
  /** Records to look at (default 50). */
  maxRecords?: number
  /** The sample is the whole file, so its last record is complete (default true). */
  complete?: boolean
}

interface Score {
  delimiter: Delimiter
  fields: number
  share: number
}

function scoreDelimiter(text: string, delimiter: Delimiter, maxRecords: number, complete: boolean) {
  const counts: number[] = []
  // The real parser, so quotes are respected exactly as the import will read them.
  const parser = new CsvParser(delimiter, (fields) => counts.push(fields.length) < maxRecords)
  parser.push(text)
  // An incomplete sample ends mid-record: never count that cut-off record.
  if (complete) parser.finish()
  const tally = new Map<number, number>()
  let fields = 1
  let best = 0
  for (const c of counts) {
    const t = (tally.get(c) ?? 0) + 1
    tally.set(c, t)
    if (t > best || (t === best && c > fields)) {
      best = t
      fields = c
    }
  }
  return { delimiter, fields, share: counts.length === 0 ? 0 : best / counts.length }
}

/**
 * Picks the delimiter among `,` `;` tab `|` that splits the first records into the same
 * number (> 1) of fields most consistently; ties go to more fields, then to that order.
 * Falls back to `,` (a one-column file).
 * @example detectDelimiter('name;amount\nA;1,5\n') // ';'
 */
export function detectDelimiter(text: string, options: DetectDelimiterOptions = {}): Delimiter {
  const maxRecords = options.maxRecords ?? 50
  const complete = options.complete ?? true
  let best: Score | undefined
  for (const delimiter of DELIMITERS) {
    const s = scoreDelimiter(text, delimiter, maxRecords, complete)
    if (s.fields < 2) continue
    if (!best || s.share > best.share || (s.share === best.share && s.fields > best.fields)) {
      best = s
    }
  }
  return best?.delimiter ?? ','
}
