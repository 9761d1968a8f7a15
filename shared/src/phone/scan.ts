import { codes, holdCodes, holdRun, holdString } from './digits.ts'
import {
  DOMAIN_NAME_RE,
  digitValue,
  EXTENSION_RE,
  GLOBAL_DIGITS_RE,
  VIABLE_RE,
} from './patterns.ts'

// Turns raw text into the digits the parser works on, the way the library's parseInput() and
// parseIncompletePhoneNumber() do: find the start, drop trailing junk, test viability, strip an
// extension, keep a leading `+`. The common case (digits in any script, spaces, - . / ( ) [ ])
// is one char-code loop; a letter or comma after a clean number costs one extension RegExp on
// the rest; anything else goes through the library's own patterns.

const MAX_INPUT_LENGTH = 250
const PHONE_CONTEXT = ';phone-context='
const ISDN_SUBADDRESS = ';isub='
const TEL_PREFIX = 'tel:'

/** Output of `scanPhone()` besides the digits (see digits.ts), reused across calls. */
export const scanned = { plus: false, ext: '' }

// ASCII punctuation the fast loop skips (the library's VALID_PUNCTUATION minus `~`, which may
// label an extension); digits are tested before this table.
const PUNCT = 2
const ASCII_CLASS = new Uint8Array(128)
for (const ch of ' -./()[]') ASCII_CLASS[ch.charCodeAt(0)] = PUNCT

// Non-ASCII punctuation the fast loop skips: none of it can form an extension without a label,
// `#`, `,` or `;`, all of which send the input to the slow path.
function isWidePunctuation(c: number): boolean {
  switch (c) {
    case 0xa0:
    case 0xad:
    case 0x200b:
    case 0x2060:
    case 0x3000:
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0x30fc:
    case 0xff0d:
    case 0xff0e:
    case 0xff0f:
    case 0xff08:
    case 0xff09:
    case 0xff3b:
    case 0xff3d:
      return true
    default:
      return false
  }
}

/** Scans one input into `scanned`; false when the library would find no viable number. */
export function scanPhone(input: string): boolean {
  const len = input.length
  if (len === 0) return false
  // RFC 3966 phone-context needs a `;`: the loops below hand any `;` to scanSlow().
  if (len > MAX_INPUT_LENGTH) return input.indexOf(PHONE_CONTEXT) >= 0 && scanRfc3966(input)

  // _extractFormattedPhoneNumber(): from the first `+` or digit to the last digit or `#`.
  let start = -1
  for (let i = 0; i < len; i++) {
    const c = input.charCodeAt(i)
    if ((c >= 48 && c <= 57) || c === 43 || (c >= 0x80 && digitValue(c) >= 0)) {
      start = i
      break
    }
    if (c === 59 || c === 0xff0b) return scanSlow(input)
  }
  if (start < 0) return false
  let end = len - 1
  for (; end > start; end--) {
    const c = input.charCodeAt(end)
    if ((c >= 48 && c <= 57) || c === 35 || (c >= 0x80 && digitValue(c) >= 0)) break
    if (c === 59) return scanSlow(input)
  }

  const plus = input.charCodeAt(start) === 43
  const first = plus ? start + 1 : start
  // Digits go to `codes` (ASCII); without punctuation or other scripts they are also a plain run
  // of the input, which the parser slices instead (digits.ts).
  let digitCount = 0
  let copy = false
  for (let i = first; i <= end; i++) {
    const c = input.charCodeAt(i)
    if (c <= 57 && c >= 48) {
      codes[digitCount++] = c
      continue
    }
    let cls = 0
    if (c < 128) cls = ASCII_CLASS[c] as number
    else {
      const d = digitValue(c)
      if (d >= 0) {
        codes[digitCount++] = 48 + d
        copy = true
        continue
      }
      if (isWidePunctuation(c)) cls = PUNCT
    }
    if (cls === PUNCT) {
      copy = true
      continue
    }
    // A letter or `,` can only start an extension (`x12`, `ext. 12`, `, ext. 12`) or kill it.
    if (c === 44 || ((c | 32) >= 97 && (c | 32) <= 122)) {
      if (copy) holdCodes(digitCount)
      else holdRun(input, first, digitCount)
      return scanTail(input, i, end, digitCount, plus)
    }
    return scanSlow(input)
  }
  if (digitCount < 3) {
    // `^[digits]{2}$`: exactly two digits and nothing else.
    if (digitCount !== 2 || plus || end - start !== 1) return false
  }
  if (copy) holdCodes(digitCount)
  else holdRun(input, first, digitCount)
  scanned.plus = plus
  scanned.ext = ''
  return true
}

// The number is clean up to `at`, where a letter or comma starts the rest. The library's
// viability pattern then holds exactly when the clean part has 3+ digits and the rest is one
// extension from its first character: nothing before `at` but spaces can belong to an extension
// that covers a letter or comma. So the extension pattern runs on the rest only.
function scanTail(
  input: string,
  at: number,
  end: number,
  digitCount: number,
  plus: boolean,
): boolean {
  const quick = quickExtension(input, at, end)
  if (quick !== null) {
    if (digitCount < 3) return false
    scanned.plus = plus
    scanned.ext = quick
    return true
  }
  const tail = input.slice(at, end + 1)
  if (tail.indexOf(';') >= 0) return scanSlow(input)
  if (digitCount < 3) return false
  const m = EXTENSION_RE.exec(tail)
  if (m === null || m.index !== 0) return false
  scanned.plus = plus
  scanned.ext = firstGroup(m)
  return true
}

// The common extensions, in ASCII, without the RegExp: `[ ,]*` then `ext` or `x`, `[:.]?`,
// `[ ,-]*`, then 1-20 digits after `ext` (1-9 after `x`) and `#?` to the end. EXTENSION_RE then
// matches from the start through its `ext` (`x`) alternative, which captures those digits. Null:
// not one of these (`extn`, `xt`, tabs, other scripts, too many digits...), ask the RegExp.
function quickExtension(input: string, at: number, end: number): string | null {
  let i = at
  let c = input.charCodeAt(i)
  while (c === 32 || c === 44) c = input.charCodeAt(++i)
  let max = 9
  if ((c | 32) === 101) {
    if ((input.charCodeAt(i + 1) | 32) !== 120 || (input.charCodeAt(i + 2) | 32) !== 116) {
      return null
    }
    i += 3
    max = 20
  } else if ((c | 32) === 120) {
    i++
  } else {
    return null
  }
  c = input.charCodeAt(i)
  if (c === 58 || c === 46) c = input.charCodeAt(++i)
  while (c === 32 || c === 44 || c === 45) c = input.charCodeAt(++i)
  const from = i
  while (c >= 48 && c <= 57) c = input.charCodeAt(++i)
  const count = i - from
  if (count === 0 || count > max) return null
  if (i === end && c === 35) i++
  return i === end + 1 ? input.slice(from, from + count) : null
}

function firstGroup(m: RegExpExecArray): string {
  for (let g = 1; g < m.length; g++) {
    const v = m[g]
    if (v) return v
  }
  return ''
}

function scanSlow(input: string): boolean {
  return input.indexOf(PHONE_CONTEXT) >= 0 ? scanRfc3966(input) : scanGeneral(input)
}

// The library's _extractFormattedPhoneNumber() (START_RE search, AFTER_END_RE removal) and
// isub handling, for inputs the fast loop declines.
function scanGeneral(input: string): boolean {
  let start = 0
  while (start < input.length) {
    const c = input.charCodeAt(start)
    if (c === 43 || c === 0xff0b || digitValue(c) >= 0) break
    start++
  }
  if (start === input.length) return false
  let end = input.length - 1
  while (end >= start) {
    const c = input.charCodeAt(end)
    if (c === 35 || digitValue(c) >= 0) break
    end--
  }
  let number = input.slice(start, end + 1)
  const isub = number.indexOf(ISDN_SUBADDRESS)
  if (isub > 0) number = number.slice(0, isub)
  if (number === '') return false
  return finishScan(number)
}

// RFC 3966 `…;phone-context=…` inputs: the number is rebuilt from the context and the local part.
// No 250-character limit applies on this path in the library either.
function scanRfc3966(input: string): boolean {
  const at = input.indexOf(PHONE_CONTEXT)
  const from = at + PHONE_CONTEXT.length
  let context = ''
  if (from < input.length) {
    const stop = input.indexOf(';', from)
    context = stop >= 0 ? input.substring(from, stop) : input.substring(from)
  }
  if (context === '') return false
  if (!GLOBAL_DIGITS_RE.test(context) && !DOMAIN_NAME_RE.test(context)) return false
  let number = context.charCodeAt(0) === 43 ? context : ''
  const tel = input.indexOf(TEL_PREFIX)
  number += input.substring(tel >= 0 ? tel + TEL_PREFIX.length : 0, at)
  const isub = number.indexOf(ISDN_SUBADDRESS)
  if (isub > 0) number = number.slice(0, isub)
  if (number === '') return false
  return finishScan(number)
}

// Viability, extension and digit collection with the library's patterns.
function finishScan(formatted: string): boolean {
  if (formatted.length < 2 || !VIABLE_RE.test(formatted)) return false
  let number = formatted
  let ext = ''
  const m = EXTENSION_RE.exec(formatted)
  if (m !== null) {
    number = formatted.slice(0, m.index)
    ext = firstGroup(m)
  }
  // parseIncompletePhoneNumber(): digits in any script become ASCII; a `+` counts only first.
  let digits = ''
  let plus = false
  let runStart = 0
  for (let i = 0; i < number.length; i++) {
    const c = number.charCodeAt(i)
    if (c >= 48 && c <= 57) continue
    if (i > runStart) digits += number.slice(runStart, i)
    runStart = i + 1
    if (c === 43) {
      if (!plus && digits === '') plus = true
      continue
    }
    const d = digitValue(c)
    if (d >= 0) digits += String.fromCharCode(48 + d)
  }
  if (runStart < number.length) digits += number.slice(runStart)
  holdString(digits)
  scanned.plus = plus
  scanned.ext = ext
  return true
}
