// A realistic lead CSV for the benchmarks, as a Turkish sales team would import in National (TR)
// mode: Turkish numbers in every local style, foreign ones written with + or 00 (as they must
// be), ~5 % junk or wrong lengths, ~2 % numbers repeated from earlier rows, non-ASCII names and
// a secondary phone on half the rows.
import { MARKETS, makeRandom, pickMarket } from '../src/phone/lead-sample.ts'

const FIRST = [
  'Şükrü',
  'Ayşe',
  'Çağlar',
  'José',
  'Zoë',
  'Mehmet',
  'Gülşen',
  'Jürgen',
  'Ali',
  'Émile',
]
const LAST = ['Yılmaz', 'Öztürk', 'García', 'Müller', 'Smith', 'Doğan', 'Kaya', 'Dubois', 'Øster']
const COMPANY = ['Acme Ltd', 'Örnek A.Ş.', 'Globex', 'Initech', 'Müller GmbH', 'Doğan, Kaya & Co.']
const JUNK = ['n/a', '-', 'yok', '9.05551E+11', '1-800-FLOWERS', '0000', 'TBD', '+90 555']

type Rnd = () => number
const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T

function digits(rnd: Rnd, template: string): string {
  let out = ''
  for (const ch of template) {
    if (ch === 'd') out += String(Math.floor(rnd() * 10))
    else if (ch === 'n') out += String(2 + Math.floor(rnd() * 8))
    else out += ch
  }
  return out
}

function spaced(nsn: string, sep: string): string {
  return `${nsn.slice(0, 3)}${sep}${nsn.slice(3, 6)}${sep}${nsn.slice(6, 8)}${sep}${nsn.slice(8)}`
}

/** One phone cell: a TR number in a local or international style, or a foreign one with + / 00. */
export function leadPhone(rnd: Rnd): string {
  const m = pickMarket(rnd)
  const nsn = digits(rnd, pick(rnd, m.nsn))
  const r = rnd()
  if (r < 0.03) return pick(rnd, JUNK)
  if (r < 0.05) return `${m.trunk}${nsn.slice(0, nsn.length - 2)}`
  const s = rnd()
  if (m.country === 'TR') {
    if (s < 0.25) return `0${spaced(nsn, ' ')}`
    if (s < 0.4) return `0${nsn}`
    if (s < 0.5) return nsn
    if (s < 0.6) return `(0${nsn.slice(0, 3)}) ${nsn.slice(3, 6)} ${nsn.slice(6)}`
    if (s < 0.75) return `+90 ${spaced(nsn, ' ')}`
    if (s < 0.85) return `+90${nsn}`
    if (s < 0.9) return `90${nsn}`
    if (s < 0.95) return `0090 ${nsn}`
    return `'+90${nsn}`
  }
  if (s < 0.5) return `+${m.cc}${nsn}`
  if (s < 0.8) return `+${m.cc} ${spaced(nsn, ' ')}`
  if (s < 0.9) return `+${m.cc}-${nsn.slice(0, 3)}-${nsn.slice(3)}`
  return `00${m.cc} ${nsn}`
}

function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** The benchmark's lead file: header `Ad Soyad,Şirket,Telefon,E-posta,İkinci Telefon`. */
export function generateLeadFile(n: number, seed = 7): string {
  const rnd = makeRandom(seed)
  const phones: string[] = new Array(n)
  const parts: string[] = ['Ad Soyad,Şirket,Telefon,E-posta,İkinci Telefon\n']
  for (let i = 0; i < n; i++) {
    const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`
    const company = COMPANY[(i * 3) % COMPANY.length] as string
    const phone =
      i > 100 && rnd() < 0.02 ? (phones[Math.floor(rnd() * i)] as string) : leadPhone(rnd)
    phones[i] = phone
    const second = i % 2 === 0 ? leadPhone(rnd) : ''
    parts.push(
      `${csvField(name)},${csvField(company)},${csvField(phone)},lead${i}@example.com,${csvField(second)}\n`,
    )
  }
  return parts.join('')
}

/** Number of markets the generator draws from (for the benchmark's description). */
export const MARKET_COUNT = MARKETS.length
