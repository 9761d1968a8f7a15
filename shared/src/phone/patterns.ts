// The location-independent patterns of libphonenumber-js 1.13.16 (constants.js,
// isViablePhoneNumber.js, createExtensionPattern.js, extractPhoneContext.js), rebuilt from the
// same strings so that the rare inputs the fast scanner hands over get the library's exact answer.
// Differences on purpose: no 'g' flags (the library's 'g'-flagged phone-context patterns keep
// `lastIndex` between calls and so answer differently on consecutive calls).

const VALID_DIGITS = '0-9\uFF10-\uFF19\u0660-\u0669\u06F0-\u06F9'
const DASHES = '-\u2010-\u2015\u2212\u30FC\uFF0D'
const SLASHES = '\uFF0F/'
const DOTS = '\uFF0E.'
const WHITESPACE = ' \xA0\xAD\u200B\u2060\u3000'
const BRACKETS = '()\uFF08\uFF09\uFF3B\uFF3D\\[\\]'
const TILDES = '~\u2053\u223C\uFF5E'
const VALID_PUNCTUATION = `${DASHES}${SLASHES}${DOTS}${WHITESPACE}${BRACKETS}${TILDES}`
const PLUS_CHARS = '+\uFF0B'

function extDigits(max: string): string {
  return `([${VALID_DIGITS}]{1,${max}})`
}

function extensionPattern(): string {
  const sepBeforeLabel = '[ \xA0\\t,]*'
  const afterLabel = '[:\\.\uFF0E]?[ \xA0\\t,-]*'
  const suffix = '#?'
  const explicit =
    '(?:e?xt(?:ensi(?:o\u0301?|\xF3))?n?|\uFF45?\uFF58\uFF54\uFF4E?|\u0434\u043E\u0431|anexo)'
  const ambiguous = '(?:[x\uFF58#\uFF03~\uFF5E]|int|\uFF49\uFF4E\uFF54)'
  const sepNoComma = '[ \xA0\\t]*'
  return [
    `;ext=${extDigits('20')}`,
    `${sepBeforeLabel}${explicit}${afterLabel}${extDigits('20')}${suffix}`,
    `${sepBeforeLabel}${ambiguous}${afterLabel}${extDigits('9')}${suffix}`,
    `[- ]+${extDigits('6')}#`,
    `${sepNoComma}(?:,{2}|;)${afterLabel}${extDigits('15')}${suffix}`,
    `${sepNoComma}(?:,)+${afterLabel}${extDigits('9')}${suffix}`,
  ].join('|')
}

const VALID_PHONE_NUMBER = `[${PLUS_CHARS}]{0,1}(?:[${VALID_PUNCTUATION}]*[${VALID_DIGITS}]){3,}[${VALID_PUNCTUATION}${VALID_DIGITS}]*`

/** The library's viability test (two bare digits, or 3+ digits with punctuation and extension). */
export const VIABLE_RE = new RegExp(
  `^[${VALID_DIGITS}]{2}$|^${VALID_PHONE_NUMBER}(?:${extensionPattern()})?$`,
  'i',
)
/** An extension at the end of a number (`ext. 12`, `x12`, `#12`, `;ext=12`, `,,12`, `- 503#`). */
export const EXTENSION_RE = new RegExp(`(?:${extensionPattern()})$`, 'i')

const PHONE_DIGIT = `([${VALID_DIGITS}]|[\\-\\.\\(\\)]?)`
/** RFC 3966 global-number-digits of a `phone-context` parameter. */
export const GLOBAL_DIGITS_RE = new RegExp(`^\\+${PHONE_DIGIT}*[${VALID_DIGITS}]${PHONE_DIGIT}*$`)
const DOMAIN_LABEL = `[${VALID_DIGITS}]+((\\-)*[${VALID_DIGITS}])*`
const TOP_LABEL = `[a-zA-Z]+((\\-)*[${VALID_DIGITS}])*`
/** RFC 3966 domain name of a `phone-context` parameter. */
export const DOMAIN_NAME_RE = new RegExp(`^(${DOMAIN_LABEL}\\.)*${TOP_LABEL}\\.?$`)

/** ASCII value of a digit in any accepted script (ASCII, full-width, Arabic-Indic), else -1. */
export function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10
  if (c >= 0x660 && c <= 0x669) return c - 0x660
  if (c >= 0x6f0 && c <= 0x6f9) return c - 0x6f0
  return -1
}
