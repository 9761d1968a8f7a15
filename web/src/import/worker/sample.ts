import { utils, write } from 'xlsx'

/**
 * An XLSX sample file: the header row, then example rows; phone cells are text so Excel keeps
 * the leading `+` and zeros.
 * @example sampleXlsx(['phone_number', 'customer_name'], [['+905321234567', 'Ayşe Yılmaz']])
 */
export function sampleXlsx(header: string[], rows: string[][]): ArrayBuffer {
  const ws = utils.aoa_to_sheet([header, ...rows])
  for (let r = 1; r <= rows.length; r++) {
    for (let c = 0; c < header.length; c++) {
      const cell = ws[utils.encode_cell({ r, c })]
      if (cell) cell.z = '@'
    }
  }
  ws['!cols'] = header.map((h) => ({ wch: Math.max(14, h.length + 2) }))
  const wb = utils.book_new()
  utils.book_append_sheet(wb, ws, 'Leads')
  const out = write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer
  return out
}
