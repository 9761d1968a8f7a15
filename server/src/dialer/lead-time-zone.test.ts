import { isTimeZone } from '@leadport/shared'
import { describe, expect, it } from 'vitest'
import { COUNTRY_ZONES } from './country-zones.ts'
import { CAMPAIGN_ZONE, findLeadTimeZone, resolveLeadZone } from './lead-time-zone.ts'

describe('findLeadTimeZone', () => {
  it("gives a single-zone country's zone from the number", () => {
    expect(findLeadTimeZone('+905321234567')).toBe('Europe/Istanbul')
    expect(findLeadTimeZone('+81312345678')).toBe('Asia/Tokyo')
    expect(findLeadTimeZone('+447400123456')).toBe('Europe/London')
    expect(findLeadTimeZone('+4915123456789')).toBe('Europe/Berlin')
  })

  it("leaves multi-zone countries and unknown numbers to the campaign's zone", () => {
    expect(findLeadTimeZone('+12125550123')).toBe(CAMPAIGN_ZONE) // US
    expect(findLeadTimeZone('+61412345678')).toBe(CAMPAIGN_ZONE) // AU
    expect(findLeadTimeZone('+999')).toBe(CAMPAIGN_ZONE)
  })

  it('resolves the stored marker to the campaign zone, then UTC', () => {
    expect(resolveLeadZone('Asia/Tokyo', 'Europe/Istanbul')).toBe('Asia/Tokyo')
    expect(resolveLeadZone(CAMPAIGN_ZONE, 'Europe/Istanbul')).toBe('Europe/Istanbul')
    expect(resolveLeadZone(CAMPAIGN_ZONE, null)).toBe('UTC')
  })

  it('knows every zone in its table, and no multi-zone country', () => {
    for (const [country, zone] of COUNTRY_ZONES) expect(isTimeZone(zone), country).toBe(true)
    for (const c of ['US', 'CA', 'RU', 'BR', 'AU', 'MX', 'ID', 'KZ'])
      expect(COUNTRY_ZONES.has(c)).toBe(false)
  })
})
