import type { AssistantVariable } from '@leadport/shared'

const EXAMPLES: Record<string, [string, string]> = {
  customer_name: ['Ayşe Yılmaz', 'John Smith'],
  first_name: ['Ayşe', 'John'],
  last_name: ['Yılmaz', 'Smith'],
  company: ['Örnek A.Ş.', 'Acme Inc.'],
  city: ['İstanbul', 'Boston'],
}

/**
 * The sample file's header (`phone_number`, the assistant's variables, `secondary_phone_1`)
 * and two example rows.
 * @example sampleTable([{ key: 'company', label: 'Company', required: false }])
 */
export function sampleTable(variables: readonly AssistantVariable[]) {
  const header = ['phone_number', ...variables.map((v) => v.key), 'secondary_phone_1']
  const rows = [0, 1].map((i) => [
    i === 0 ? '+905321234567' : '+12133734253',
    ...variables.map((v) => EXAMPLES[v.key]?.[i] ?? `${v.label} ${i + 1}`),
    i === 0 ? '+905551234567' : '',
  ])
  return { header, rows }
}

function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** The sample as CSV (UTF-8 with a BOM, so Excel shows the letters right). */
export function sampleCsv(variables: readonly AssistantVariable[]): Blob {
  const { header, rows } = sampleTable(variables)
  const text = [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')
  return new Blob([`\uFEFF${text}\r\n`], { type: 'text/csv;charset=utf-8' })
}

/** Saves a blob as a download. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
