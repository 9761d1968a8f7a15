import { isTimeZone } from '@leadport/shared'
import { describe, expect, it } from 'vitest'
import { COUNTRY_ZONES } from './country-zones.ts'
import {
  CAMPAIGN_ZONE,
  findLeadTimeZone,
  listLeadZones,
  resolveLeadZone,
} from './lead-time-zone.ts'
import { NANP_ZONES } from './nanp-zones.ts'
import { REGION_ZONES } from './region-zones.ts'

describe('findLeadTimeZone', () => {
  it("gives a single-zone country's zone from the number", () => {
    expect(findLeadTimeZone('+905321234567')).toBe('Europe/Istanbul')
    expect(findLeadTimeZone('+81312345678')).toBe('Asia/Tokyo')
    expect(findLeadTimeZone('+447400123456')).toBe('Europe/London')
    expect(findLeadTimeZone('+4915123456789')).toBe('Europe/Berlin')
  })

  it('gives US and Canadian numbers the zone of their area code', () => {
    expect(findLeadTimeZone('+12125550123')).toBe('America/New_York')
    expect(findLeadTimeZone('+13125550123')).toBe('America/Chicago')
    expect(findLeadTimeZone('+16025550123')).toBe('America/Phoenix')
    expect(findLeadTimeZone('+12135550123')).toBe('America/Los_Angeles')
    expect(findLeadTimeZone('+14165550123')).toBe('America/Toronto')
    expect(findLeadTimeZone('+16045550123')).toBe('America/Vancouver')
    expect(findLeadTimeZone('+18765550123')).toBe('America/Jamaica') // NANP, not US: its country
    for (const [code, zone] of NANP_ZONES) expect(isTimeZone(zone), code).toBe(true)
  })

  it('gives Brazilian numbers (DDD) and Australian landlines the zone of their region', () => {
    expect(findLeadTimeZone('+5511912345678')).toBe('America/Sao_Paulo')
    expect(findLeadTimeZone('+5592912345678')).toBe('America/Manaus')
    expect(findLeadTimeZone('+5568912345678')).toBe('America/Rio_Branco')
    expect(findLeadTimeZone('+61298765432')).toBe('Australia/Sydney')
    expect(findLeadTimeZone('+61731234567')).toBe('Australia/Brisbane')
    for (const zone of REGION_ZONES) expect(isTimeZone(zone), zone).toBe(true)
    expect(listLeadZones()).toContain('America/Manaus')
  })

  it("leaves multi-zone countries and unknown numbers to the campaign's zone", () => {
    expect(findLeadTimeZone('+18502345678')).toBe(CAMPAIGN_ZONE) // FL panhandle: two zones
    expect(findLeadTimeZone('+5597912345678')).toBe(CAMPAIGN_ZONE) // Amazonas interior: two
    expect(findLeadTimeZone('+61412345678')).toBe(CAMPAIGN_ZONE) // AU mobile
    expect(findLeadTimeZone('+61891234567')).toBe(CAMPAIGN_ZONE) // AU 08: Perth to Adelaide
    expect(findLeadTimeZone('+74951234567')).toBe(CAMPAIGN_ZONE) // RU
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
