// The browser benchmark's lead file: every row valid and every number distinct, so "all rows
// stored" is an exact count. Numbers are written with `+` in four styles (valid in International
// and in National mode alike), names are non-ASCII, one company in six is a quoted field.
import { writeFileSync } from 'node:fs'

const FIRST = ['Şükrü', 'Ayşe', 'Çağlar', 'José', 'Zoë', 'Mehmet', 'Gülşen', 'Jürgen', 'Ali']
const LAST = ['Yılmaz', 'Öztürk', 'García', 'Müller', 'Smith', 'Doğan', 'Kaya', 'Dubois']
const COMPANY = [
  'Acme Ltd',
  'Örnek A.Ş.',
  'Globex',
  'Initech',
  'Müller GmbH',
  '"Doğan, Kaya & Co."',
]

/** The header of {@link benchCsv}. */
export const BENCH_HEADER = 'Ad Soyad,Şirket,Telefon,E-posta'

/**
 * The `i`-th row's phone: a Turkish mobile, distinct for every i below 10 million (7919 is prime
 * to 10^7, so the numbers come in no particular order, as from a real file).
 * @example benchPhone(0) // '+90 532 001 23 45'
 */
export function benchPhone(i: number): string {
  const d = String((i * 7919 + 12345) % 10_000_000).padStart(7, '0')
  switch (i & 3) {
    case 0:
      return `+90 532 ${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5)}`
    case 1:
      return `+90532${d}`
    case 2:
      return `+90 (532) ${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5)}`
    default:
      return `+90-532-${d.slice(0, 3)}-${d.slice(3)}`
  }
}

/**
 * A CSV of `rows` lead rows under {@link BENCH_HEADER} (UTF-8, `\n` line ends).
 * @example benchCsv(2).split('\n').length // 4 (header, two rows, final newline)
 */
export function benchCsv(rows: number): string {
  const parts: string[] = [`${BENCH_HEADER}\n`]
  for (let i = 0; i < rows; i++) {
    const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`
    parts.push(`${name},${COMPANY[i % COMPANY.length]},${benchPhone(i)},lead${i}@example.com\n`)
  }
  return parts.join('')
}

/**
 * Writes {@link benchCsv} to `path` and returns its size in bytes.
 * @example writeBenchCsv('/tmp/leads.csv', 1_000_000) // 63_000_000 or so
 */
export function writeBenchCsv(path: string, rows: number): number {
  const bytes = Buffer.from(benchCsv(rows), 'utf8')
  writeFileSync(path, bytes)
  return bytes.length
}
