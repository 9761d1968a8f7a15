import { findPhoneCountry } from '@leadport/shared'
import { COUNTRY_ZONES } from './country-zones.ts'
import { NANP_ZONES } from './nanp-zones.ts'
import { findRegionZone, REGION_ZONES } from './region-zones.ts'

/** Stored in `leads.time_zone` when the lead keeps the campaign's zone. */
export const CAMPAIGN_ZONE = ''

/**
 * The IANA zone of a lead's number: its country's when the country keeps one clock, its region's
 * when the number tells it (US/Canadian and Australian area codes, Brazilian DDDs: see
 * region-zones.ts), else {@link CAMPAIGN_ZONE} (unknown country, or a multi-zone one whose
 * numbers do not say where, such as Russia, Mexico or Indonesia, or an Australian mobile).
 * @example findLeadTimeZone('+905321234567') // 'Europe/Istanbul'
 */
export function findLeadTimeZone(e164: string): string {
  const country = findPhoneCountry(e164)
  if (!country) return CAMPAIGN_ZONE
  return COUNTRY_ZONES.get(country) ?? findRegionZone(country, e164) ?? CAMPAIGN_ZONE
}

/** The zone to judge a lead's calling window in: its own, else the campaign's, else UTC. */
export function resolveLeadZone(leadZone: string | null, campaignZone: string | null): string {
  return leadZone || campaignZone || 'UTC'
}

// Computed once: the dialer asks on every tick.
let zones: readonly string[] | undefined

/** Every zone a lead can have, plus the stored marker for "the campaign's zone". */
export function listLeadZones(): readonly string[] {
  zones ??= [
    CAMPAIGN_ZONE,
    ...new Set([...COUNTRY_ZONES.values(), ...NANP_ZONES.values(), ...REGION_ZONES]),
  ]
  return zones
}
