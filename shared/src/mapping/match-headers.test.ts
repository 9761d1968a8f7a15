import { describe, expect, it } from 'vitest'
import { autoMap } from './auto-map.ts'
import { buildTargets } from './fields.ts'
import { editDistance, nearMiss } from './fuzzy.ts'
import { matchHeader } from './match-headers.ts'
import { foldText, normalizeHeader } from './normalize.ts'
import { isNeverPhone, phoneRank } from './phone-columns.ts'

const targets = buildTargets(
  ['customer_name', 'first_name', 'last_name', 'company', 'title', 'city', 'notes'].map((key) => ({
    key,
    label: key,
    required: false,
  })),
)
const keyOf = (header: string) => {
  const best = matchHeader(header, targets)[0]
  return best ? targets[best.target]?.key : undefined
}

describe('normalizeHeader', () => {
  it('strips BOM and zero-width characters, trims, folds case, Turkish i and diacritics', () => {
    expect(normalizeHeader('\uFEFF  Phone\u200B Number ').full).toBe('phonenumber')
    expect(foldText('İSTANBUL ılık Işık')).toBe('istanbul ilik isik')
    expect(normalizeHeader('Şirket Adı').tokens).toEqual(['sirket', 'adi'])
    expect(normalizeHeader('Ｐｈｏｎｅ').full).toBe('phone')
  })

  it('collapses punctuation, underscores, camelCase and e-mail spellings', () => {
    for (const h of [
      'phone_number',
      'Phone-Number',
      'PhoneNumber',
      'phone.number',
      'PHONE  NUMBER',
    ]) {
      expect(normalizeHeader(h).full).toBe('phonenumber')
    }
    expect(normalizeHeader('E-mail 1 - Value').core).toEqual(['email'])
    expect(normalizeHeader('E-posta').full).toBe('eposta')
    expect(normalizeHeader("Assistant's Phone").tokens).toEqual(['assistant', 'phone'])
  })

  it('drops owner words and position numbers from the core, but never the last word', () => {
    expect(normalizeHeader('Person - Phone - Mobile').core).toEqual(['phone', 'mobile'])
    expect(normalizeHeader('Contact Phone 1').core).toEqual(['phone'])
    expect(normalizeHeader('Contact').core).toEqual(['contact'])
  })

  it('caps very long headers', () => {
    expect(normalizeHeader(`Phone ${'x'.repeat(1_000_000)}`).full.length).toBeLessThan(250)
  })
})

describe('fuzzy matching', () => {
  it('computes restricted Damerau-Levenshtein distances with a cut-off', () => {
    expect(editDistance('compnay', 'company', 2)).toBe(1)
    expect(editDistance('phone', 'phone', 0)).toBe(0)
    expect(editDistance('kitten', 'sitting', 3)).toBe(3)
    expect(editDistance('kitten', 'sitting', 1)).toBe(2)
    expect(nearMiss('stage', 'state')).toBe(0)
    expect(nearMiss('phonenumbr', 'phonenumber')).toBeCloseTo(10 / 11)
  })

  it('maps near-misses', () => {
    expect(keyOf('Phone Numbr')).toBe('phone_number')
    expect(keyOf('telefon no')).toBe('phone_number')
    expect(keyOf('mobile_phone')).toBe('phone_number')
    expect(keyOf('Cep Tel.')).toBe('phone_number')
    expect(keyOf('Telfon')).toBe('phone_number')
    expect(keyOf('Compnay Name')).toBe('company')
    expect(keyOf('Frist Name')).toBe('first_name')
    expect(keyOf('Emial Adress')).toBe('email')
    expect(keyOf('Work E-mail')).toBe('email')
  })

  it('leaves unrelated headers unmapped', () => {
    for (const h of [
      'Phone Type',
      'Phone 1 - Label',
      'Phone 1 - Type',
      'Phone Verified',
      'Mobile Phone DNC',
      'Contact Phone 1 Total AI',
      'Phone Extension',
      'Phone Country Code',
      'Fax',
      'Home Fax',
      'Business Fax',
      'Pager',
      'Faks',
      'Faks No',
      'Telefon Tipi',
      'Dahili',
      'E-mail Type',
      'E-mail 1 - Label',
      'Email Domain',
      'Email Status',
      'Email Sent',
      'E-mail Display Name',
      'Stage',
      'Status',
      'Order Number',
      'Customer Number',
      'Customer ID',
      'Lead Owner',
      'Last Contacted',
      'Next Date to Call',
      'Do Not Call',
      'Website',
      'LinkedIn URL',
      'Age',
      'Previous Company Name',
      'Labels',
      'Sipariş No',
      'Tutar',
    ]) {
      expect([h, keyOf(h)]).toEqual([h, undefined])
    }
    expect(keyOf('Notes')).toBe('notes')
    expect(matchHeader('Notes', targets).map((m) => targets[m.target]?.key)).not.toContain(
      'customer_name',
    )
  })

  it('can be switched off', () => {
    expect(autoMap(['Compnay Name'], targets, { fuzzy: false }).variables.company).toBeNull()
    expect(autoMap(['Compnay Name'], targets).variables.company).toBe(0)
  })
})

describe('phone columns', () => {
  it('never treats fax, pager and friends as phones', () => {
    for (const h of [
      'Business Fax',
      'Home Fax',
      'Other Fax',
      'Pager',
      'Telex',
      'TTY/TDD Phone',
      'Fax Number',
    ]) {
      expect(isNeverPhone(normalizeHeader(h))).toBe(true)
    }
    const m = autoMap(['Fax', 'Pager', 'Home Fax', 'Business Fax', 'Telefax'], targets)
    expect(m.phone_number).toBeNull()
    expect(m.secondary_phones).toEqual([])
  })

  it('ranks phone headers', () => {
    const rank = (h: string) => phoneRank(normalizeHeader(h), h)
    expect(rank('phone_number')).toBe('primary')
    expect(rank('Primary Phone')).toBe('primary')
    expect(rank('Cep Telefonu')).toBe('mobile')
    expect(rank('Work Direct Phone')).toBe('direct')
    expect(rank('Telefon')).toBe('generic')
    expect(rank('İş Telefonu')).toBe('work')
    expect(rank('Ev Telefonu')).toBe('home')
    expect(rank('Company Main Phone')).toBe('other')
    expect(rank('secondary_phone_1')).toBe('other')
  })

  it('prefers a phone column that has numbers in the sample rows', () => {
    const headers = ['Mobile Phone', 'Business Phone']
    const sampleRows = [
      ['', '+1 212 555 0100'],
      ['', '(212) 555-0101'],
    ]
    expect(autoMap(headers, targets).phone_number).toBe(0)
    const m = autoMap(headers, targets, { sampleRows })
    expect(m.phone_number).toBe(1)
    expect(m.secondary_phones).toEqual([0])
  })

  it('caps secondary phones at 10', () => {
    const headers = Array.from({ length: 14 }, (_, i) => `Phone ${i + 1}`)
    const m = autoMap(headers, targets)
    expect(m.phone_number).toBe(0)
    expect(m.secondary_phones).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
  })
})
