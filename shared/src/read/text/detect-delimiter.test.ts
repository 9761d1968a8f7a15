import { describe, expect, it } from 'vitest'
import { detectDelimiter } from './detect-delimiter.ts'

describe('detectDelimiter', () => {
  it('finds the comma, semicolon, tab and pipe', () => {
    expect(detectDelimiter('name,phone\nAli,+90532\n')).toBe(',')
    expect(detectDelimiter('name|phone|email\nAli|+90532|a@b.c\n')).toBe('|')
  })

  it('T05: picks ; over the decimal comma inside values', () => {
    expect(detectDelimiter('name;amount;phone\nA;1,5;+905321234567\nB;2,75;+905551234567\n')).toBe(
      ';',
    )
  })

  it('T06: finds tab in a single-row file with a trailing newline', () => {
    expect(detectDelimiter('name\tphone\nAli\t+905321234567\n')).toBe('\t')
  })

  it('respects quotes: delimiters inside quoted values do not count', () => {
    const text = 'name;company;phone\n"Kaya, Ali";"Doğan, Kaya & Co.";+90\n"Veli, B";"X, Y";+90\n'
    expect(detectDelimiter(text)).toBe(';')
    expect(detectDelimiter('name\tnote\n"Doe, John"\t"a, b, c"\n')).toBe('\t')
  })

  it('prefers the delimiter that gives more columns when both are consistent', () => {
    expect(detectDelimiter('name\tcity\tphone\nDoe, John\tRome, IT\t+39\n')).toBe('\t')
  })

  it('falls back to , for a one-column file', () => {
    expect(detectDelimiter('phone\n+905321234567\n+905551234567\n')).toBe(',')
  })

  it('ignores the cut-off last record of an incomplete sample', () => {
    const text = 'a;b;c\nd;e;f\ng;h;i\nj,k,l,m,n,o,p,q'
    expect(detectDelimiter(text, { complete: false })).toBe(';')
  })
})
