// Seeded, lead-like phone cells for the agreement tests and the benchmark (not used at run time):
// the markets and the ways people and CRMs write numbers, with ~5 % junk.

/** A small fast seeded PRNG (mulberry32): the same seed gives the same sample everywhere. */
export function makeRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Market {
  country: string
  cc: string
  trunk: string
  weight: number
  /** National significant number templates: `d` is any digit, `n` is 2-9, others are literal. */
  nsn: readonly string[]
}

/** Markets of the sample, weighted like a Turkish-led lead base with international contacts. */
export const MARKETS: readonly Market[] = [
  {
    country: 'TR',
    cc: '90',
    trunk: '0',
    weight: 40,
    nsn: [
      '53dddddddd',
      '54dddddddd',
      '55dddddddd',
      '50dddddddd',
      '212ndddddd',
      '216ndddddd',
      '312ndddddd',
      '232ndddddd',
      '850ddddddd',
    ],
  },
  {
    country: 'US',
    cc: '1',
    trunk: '1',
    weight: 12,
    nsn: [
      '212ndddddd',
      '213ndddddd',
      '310ndddddd',
      '415ndddddd',
      '646ndddddd',
      '718ndddddd',
      '305ndddddd',
      '800ndddddd',
    ],
  },
  {
    country: 'CA',
    cc: '1',
    trunk: '1',
    weight: 2,
    nsn: ['416ndddddd', '604ndddddd', '514ndddddd'],
  },
  { country: 'JM', cc: '1', trunk: '1', weight: 1, nsn: ['876ndddddd'] },
  { country: 'PR', cc: '1', trunk: '1', weight: 1, nsn: ['787ndddddd'] },
  { country: 'AG', cc: '1', trunk: '1', weight: 0.5, nsn: ['268464dddd', '26872ddddd'] },
  {
    country: 'GB',
    cc: '44',
    trunk: '0',
    weight: 7,
    nsn: ['77dddddddd', '79dddddddd', '207ddddddd', '161ndddddd', '800dddddd'],
  },
  { country: 'GG', cc: '44', trunk: '0', weight: 0.5, nsn: ['14812ddddd', '7781dddddd'] },
  { country: 'JE', cc: '44', trunk: '0', weight: 0.5, nsn: ['15348ddddd', '7797dddddd'] },
  { country: 'IM', cc: '44', trunk: '0', weight: 0.5, nsn: ['16245ddddd', '76240ddddd'] },
  {
    country: 'DE',
    cc: '49',
    trunk: '0',
    weight: 7,
    nsn: [
      '151dddddddd',
      '170ddddddd',
      '176dddddddd',
      '30nddddd',
      '30ndddddd',
      '89ndddddd',
      '221ndddd',
    ],
  },
  {
    country: 'IN',
    cc: '91',
    trunk: '0',
    weight: 6,
    nsn: ['9ddddddddd', '8ddddddddd', '7ddddddddd', '11nddddddd'],
  },
  {
    country: 'BR',
    cc: '55',
    trunk: '0',
    weight: 5,
    nsn: ['119dddddddd', '219dddddddd', '113ddddddd', '479dddddddd'],
  },
  {
    country: 'FR',
    cc: '33',
    trunk: '0',
    weight: 4,
    nsn: ['6dddddddd', '75ddddddd', '1dddddddd', '4dddddddd'],
  },
  {
    country: 'IT',
    cc: '39',
    trunk: '',
    weight: 3,
    nsn: ['3ddddddddd', '02dddddddd', '06ddddddd', '3dddddddd'],
  },
  {
    country: 'AR',
    cc: '54',
    trunk: '0',
    weight: 3,
    nsn: ['911dddddddd', '11dddddddd', '9351ddddddd', '351ddddddd'],
  },
  {
    country: 'RU',
    cc: '7',
    trunk: '8',
    weight: 3,
    nsn: ['9ddddddddd', '495ndddddd', '812ndddddd', '800ndddddd'],
  },
  { country: 'KZ', cc: '7', trunk: '8', weight: 1, nsn: ['705ddddddd', '727ddddddd'] },
  { country: 'NL', cc: '31', trunk: '0', weight: 1, nsn: ['61ddddddd', '20ddddddd'] },
  { country: 'ES', cc: '34', trunk: '', weight: 1, nsn: ['6dddddddd', '91ddddddd'] },
  { country: 'AE', cc: '971', trunk: '0', weight: 1, nsn: ['50ddddddd', '4ddddddd'] },
]

const TOTAL_WEIGHT = MARKETS.reduce((s, m) => s + m.weight, 0)

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)] as T
}

function fill(rnd: () => number, template: string): string {
  let out = ''
  for (const ch of template) {
    if (ch === 'd') out += String(Math.floor(rnd() * 10))
    else if (ch === 'n') out += String(2 + Math.floor(rnd() * 8))
    else out += ch
  }
  return out
}

// Splits digits into groups like people write them (3-3-4, 3-3-2-2, 4-3-4...).
function group(rnd: () => number, digits: string, sep: string): string {
  const sizes = rnd() < 0.5 ? [3, 3, 2, 2, 2, 2] : [3, 4, 4, 4]
  let out = ''
  let i = 0
  let k = 0
  while (i < digits.length) {
    const size = sizes[k++ % sizes.length] as number
    out += (i > 0 ? sep : '') + digits.slice(i, i + size)
    i += size
  }
  return out
}

const SEPARATORS = [' ', ' ', '-', '.', '', ' - ', '\u00a0'] as const
const EXTENSIONS = [' ext. 12', ' x123', ' ext 4501', '#77', ' x 9', ', ext. 300'] as const
const JUNK = [
  '',
  'n/a',
  '-',
  'yok',
  '0',
  '123',
  '000000000000',
  'tel',
  'ask reception',
  '+',
  '00',
] as const

function styled(rnd: () => number, m: Market, nsn: string): string {
  const sep = pick(rnd, SEPARATORS)
  const r = rnd()
  if (r < 0.2) return `${m.trunk}${group(rnd, nsn, sep)}`
  if (r < 0.33) return `+${m.cc}${nsn}`
  if (r < 0.45) return `+${m.cc} ${group(rnd, nsn, sep)}`
  if (r < 0.52) return `00${m.cc} ${group(rnd, nsn, sep)}`
  if (r < 0.6) return `${m.cc}${nsn}`
  if (r < 0.68) return nsn
  if (r < 0.74) return `(${m.trunk}${nsn.slice(0, 3)}) ${nsn.slice(3, 6)}-${nsn.slice(6)}`
  if (r < 0.78) return `+${m.cc} (${m.trunk || '0'}) ${group(rnd, nsn, ' ')}`
  if (r < 0.82) return `${m.trunk}${nsn}${pick(rnd, EXTENSIONS)}`
  if (r < 0.85) return `+${m.cc}-${nsn.slice(0, 3)}-${nsn.slice(3)}`
  if (r < 0.88) return `'+${m.cc}${nsn}`
  if (r < 0.9) return `${m.trunk}${nsn.slice(0, 3)}/${nsn.slice(3)}`
  if (r < 0.92) return `+${m.cc}.${group(rnd, nsn, '.')}`
  if (r < 0.94) return `011 ${m.cc} ${nsn}`
  if (r < 0.96) return ` ${m.trunk}${nsn} `
  if (r < 0.98) return `Tel: +${m.cc} ${nsn}`
  if (r < 0.995) return `${m.trunk}${nsn}`
  return `+${m.cc} ${nsn}`.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))
}

function invalid(rnd: () => number, m: Market, nsn: string): string {
  const r = rnd()
  if (r < 0.3) return `${m.trunk}${nsn.slice(0, nsn.length - 1 - Math.floor(rnd() * 3))}`
  if (r < 0.5) return `+${m.cc}${nsn}${fill(rnd, 'dd')}`
  if (r < 0.65) return fill(rnd, 'dddddddddddd'.slice(0, 4 + Math.floor(rnd() * 9)))
  if (r < 0.8) return pick(rnd, JUNK)
  if (r < 0.9) return `+${m.cc} ${nsn.slice(0, 4)}`
  return `0${m.trunk}${nsn}${nsn}`
}

/** One market, drawn by weight. */
export function pickMarket(rnd: () => number): Market {
  let r = rnd() * TOTAL_WEIGHT
  for (const m of MARKETS) {
    r -= m.weight
    if (r < 0) return m
  }
  return MARKETS[0] as Market
}

/** `n` lead-like phone cells as text, the same for the same seed (~5 % invalid or junk). */
export function makeLeadSample(n: number, seed = 1): string[] {
  const rnd = makeRandom(seed)
  const out: string[] = new Array(n)
  for (let i = 0; i < n; i++) {
    const m = pickMarket(rnd)
    const nsn = fill(rnd, pick(rnd, m.nsn))
    out[i] = rnd() < 0.05 ? invalid(rnd, m, nsn) : styled(rnd, m, nsn)
  }
  return out
}
