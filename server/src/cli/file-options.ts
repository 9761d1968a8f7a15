import { readFileSync } from 'node:fs'
import {
  type AssistantVariable,
  buildTargets,
  type Cell,
  cellToText,
  DELIMITERS,
  type Delimiter,
  type Field,
  type ReadLeadOptions,
  TEXT_ENCODINGS,
  type TextEncoding,
} from '@leadport/shared'

/** A CLI refusal: printed as `{ error: { code, message } }` (or plain text) with exit code 2. */
export class CliError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/** The read options shared by `inspect` and `check`, as `parseArgs` option specs. */
export const FILE_OPTION_SPECS = {
  sheet: { type: 'string' },
  'header-row': { type: 'string' },
  encoding: { type: 'string' },
  delimiter: { type: 'string' },
  variables: { type: 'string' },
  json: { type: 'boolean' },
} as const

const DELIMITER_NAMES: Record<string, Delimiter> = {
  comma: ',',
  semicolon: ';',
  tab: '\t',
  pipe: '|',
}

/** Reads the file named on the command line, or explains why it can't. */
export function readInputFile(path: string | undefined): Uint8Array {
  if (!path) throw new CliError('BAD_REQUEST', 'Name the file to read, e.g. leads check leads.csv')
  try {
    return readFileSync(path)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new CliError(
      'NOT_FOUND',
      code === 'ENOENT' ? `No file at ${path}.` : `Cannot read ${path} (${code}).`,
    )
  }
}

/** `--variables customer_name,company!` → targets; a trailing `!` marks a required variable. */
export function targetsFrom(list: string | undefined): Field[] {
  const vars: AssistantVariable[] = (list ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => ({
      key: s.replace(/!$/, ''),
      label: s.replace(/!$/, ''),
      required: s.endsWith('!'),
    }))
  return buildTargets(vars)
}

/** Turns the shared read flags into `ReadLeadOptions`, refusing values it doesn't know. */
export function readOptionsFrom(
  values: { sheet?: string; 'header-row'?: string; encoding?: string; delimiter?: string },
  fileName: string,
  targets: readonly Field[],
): ReadLeadOptions {
  const opts: ReadLeadOptions = { fileName, targets }
  if (values.sheet !== undefined) opts.sheet = values.sheet
  if (values['header-row'] !== undefined) {
    const n = Number(values['header-row'])
    if (!Number.isInteger(n) || n < 1)
      throw new CliError('BAD_REQUEST', '--header-row takes a row number from 1.')
    opts.headerRow = n
  }
  if (values.encoding !== undefined) {
    const e = values.encoding.toLowerCase() as TextEncoding
    if (!TEXT_ENCODINGS.includes(e)) {
      throw new CliError('BAD_REQUEST', `--encoding takes one of: ${TEXT_ENCODINGS.join(', ')}.`)
    }
    opts.encoding = e
  }
  if (values.delimiter !== undefined) {
    const d = DELIMITER_NAMES[values.delimiter] ?? (values.delimiter as Delimiter)
    if (!DELIMITERS.includes(d)) {
      throw new CliError(
        'BAD_REQUEST',
        '--delimiter takes , ; | or one of: comma, semicolon, tab, pipe.',
      )
    }
    opts.delimiter = d
  }
  return opts
}

/** Cells as the user sees them. */
export function rowText(cells: readonly Cell[]): string[] {
  return cells.map((c) => cellToText(c))
}
