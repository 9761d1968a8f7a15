// Formats made of digit placeholders and phone punctuation only (`00000`, `0##########`,
// `(###) ###-####`, `+0 (000) 000-00-00`): the usual formats of zip, id and phone columns, on
// millions of cells. Rendered here as Excel does, which is faster than SSF and keeps every digit:
// SSF drops the digits that do not fit the placeholders (`(###) ###-####` on 905321234568
// gives `(532) 123-4568`); Excel puts them before the first placeholder (`(90532) 123-4568`).
const DIGIT_PATTERN = /^[0#() +-]*[0#][0#() +-]*$/

/**
 * True for a format of `0` and `#` placeholders and the literals space, `(`, `)`, `-`, `+`.
 * @example isDigitPattern('(###) ###-####') // true
 * @example isDigitPattern('#,##0') // false
 */
export function isDigitPattern(code: string): boolean {
  return DIGIT_PATTERN.test(code)
}

/**
 * A non-negative safe integer through a digit pattern, as Excel shows it: digits fill the
 * placeholders from the right, `0` pads with zeros, `#` with nothing, and digits beyond the
 * placeholders go before the first one.
 * @example formatDigits(2134, '00000') // '02134'
 * @example formatDigits(905321234568, '(###) ###-####') // '(90532) 123-4568'
 */
export function formatDigits(value: number, code: string): string {
  const digits = value === 0 ? '' : String(value)
  let first = 0
  while (code.charCodeAt(first) !== 48 && code.charCodeAt(first) !== 35) first++
  let d = digits.length
  let out = ''
  for (let i = code.length - 1; i >= 0; i--) {
    const c = code.charCodeAt(i)
    if (c !== 48 && c !== 35) {
      out = code[i] + out
      continue
    }
    let piece = d > 0 ? (digits[--d] as string) : c === 48 ? '0' : ''
    if (i === first && d > 0) {
      piece = digits.slice(0, d) + piece
      d = 0
    }
    out = piece + out
  }
  return out
}
