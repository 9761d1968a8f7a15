import { editDistance } from './fuzzy.ts'
import type { HeaderKey } from './normalize.ts'

/**
 * How good a phone column is as the primary number, best first. Decision: an explicit primary
 * (`phone_number`, `Primary Phone`) first, then mobile (an AI call reaches the person; Apollo
 * users rank Mobile → Work Direct → Corporate the same way), then a direct line, then a
 * generic `Phone`, then work/landline, home, and last shared or secondary lines (company
 * switchboard, assistant, car, "other", "secondary").
 */
export const PHONE_RANKS = [
  'primary',
  'mobile',
  'direct',
  'generic',
  'work',
  'home',
  'other',
] as const

/** One of {@link PHONE_RANKS}. */
export type PhoneRank = (typeof PHONE_RANKS)[number]

// Words that make a header a phone column on their own.
const PHONE_WORDS = new Set([
  'phone',
  'phones',
  'telephone',
  'tel',
  'tlf',
  'telefon',
  'telefonu',
  'telefonlari',
  'mobile',
  'mobil',
  'cell',
  'cellphone',
  'cellular',
  'gsm',
  'cep',
  'whatsapp',
  'landline',
  'callback',
])
// Fuzzy targets for misspelt phone words (`Phne`, `Telfon`, `Moblie`).
const PHONE_WORDS_FUZZY = ['phone', 'telephone', 'telefon', 'telefonu', 'mobile', 'cellphone']

const RANK_WORDS: ReadonlyArray<readonly [PhoneRank, readonly string[]]> = [
  [
    'other',
    [
      'other',
      'diger',
      'secondary',
      'alternate',
      'alternative',
      'alt',
      'additional',
      'extra',
      'ikinci',
      'yedek',
      'company',
      'corporate',
      'hq',
      'headquarters',
      'switchboard',
      'santral',
      'merkez',
      'assistant',
      'asst',
      'car',
      'radio',
      'callback',
      'spouse',
      'emergency',
      'acil',
    ],
  ],
  ['primary', ['primary', 'main', 'birincil', 'ana', 'asil']],
  ['mobile', ['mobile', 'mobil', 'cell', 'cellphone', 'cellular', 'gsm', 'cep', 'whatsapp']],
  ['direct', ['direct', 'dial', 'direkt']],
  ['work', ['work', 'business', 'office', 'is', 'isyeri', 'ofis', 'landline', 'sabit']],
  ['home', ['home', 'ev', 'personal', 'private', 'kisisel', 'ozel']],
]

// Everything a phone *value* header may say besides phone words and rank words.
const ALLOWED_WORDS = new Set([
  ...RANK_WORDS.flatMap(([, words]) => words),
  'number',
  'numbers',
  'num',
  'no',
  'nr',
  'nbr',
  'numara',
  'numarasi',
  'numaralari',
  'phone',
  'line',
  'hat',
  'hatti',
  'iletisim',
  'contact',
  'person',
  'owner',
  'lead',
  'customer',
  'musteri',
  'kisi',
  'e',
  'format',
  'formatted',
  'international',
  'e164',
  'value',
  'deger',
])
const ALLOWED_FUZZY = ['number', 'numara', 'numarasi', 'telephone', 'mobile', 'business']

/**
 * Words that make a column never a phone *value*: fax, pager and friends are not dialled, and
 * labels, types, statuses, scores, consents and extensions describe a number without being one
 * (`Phone 1 - Label`, `Phone Type`, `Mobile Phone DNC`, `Contact Phone 1 Total AI`).
 */
const NEVER_PHONE_WORDS = new Set([
  'fax',
  'faks',
  'facsimile',
  'telefax',
  'pager',
  'beeper',
  'telex',
  'isdn',
  'tty',
  'tdd',
  'label',
  'type',
  'kind',
  'tipi',
  'turu',
  'tur',
  'status',
  'durum',
  'durumu',
  'verified',
  'verification',
  'valid',
  'validation',
  'invalid',
  'score',
  'confidence',
  'accuracy',
  'grade',
  'ai',
  'dnc',
  'consent',
  'opt',
  'optout',
  'ext',
  'extension',
  'dahili',
  'code',
  'kodu',
  'country',
  'ulke',
  'count',
  'sayisi',
  'date',
  'tarih',
  'time',
  'saat',
  'source',
  'kaynak',
  'carrier',
  'operator',
  'operatoru',
  'previous',
  'former',
  'old',
  'eski',
  'wrong',
  'hatali',
])

/** True when any header word rules out a dialable number (fax, pager, label, type, ...). */
export function isNeverPhone(key: HeaderKey): boolean {
  return key.tokens.some((t) => NEVER_PHONE_WORDS.has(t))
}

function isPhoneWord(token: string): boolean {
  if (PHONE_WORDS.has(token)) return true
  return token.length >= 4 && PHONE_WORDS_FUZZY.some((w) => editDistance(token, w, 1) <= 1)
}

function isAllowedWord(token: string): boolean {
  if (ALLOWED_WORDS.has(token) || isPhoneWord(token)) return true
  return token.length >= 5 && ALLOWED_FUZZY.some((w) => editDistance(token, w, 1) <= 1)
}

/**
 * True when the header reads as a phone number column by its words alone: at least one phone
 * word, every other word a known qualifier (`Work Direct Phone`, `Telefon 2`, `Phone Numbr`),
 * and nothing that rules it out (see {@link isNeverPhone}).
 */
export function looksLikePhoneHeader(key: HeaderKey): boolean {
  if (key.core.length === 0 || isNeverPhone(key)) return false
  return key.core.some(isPhoneWord) && key.core.every(isAllowedWord)
}

/**
 * The rank of a phone header, from its words.
 * @example phoneRank(normalizeHeader('Work Direct Phone')) // 'direct'
 */
export function phoneRank(key: HeaderKey, rawHeader: string): PhoneRank {
  if (rawHeader.trim().toLowerCase() === 'phone_number') return 'primary'
  for (const [rank, words] of RANK_WORDS) {
    if (key.core.some((t) => words.includes(t))) return rank
  }
  return 'generic'
}
