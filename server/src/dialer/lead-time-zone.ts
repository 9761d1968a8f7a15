import { findPhoneCountry } from '@leadport/shared'
import { COUNTRY_ZONES } from './country-zones.ts'

/** Stored in `leads.time_zone` when the lead keeps the campaign's zone. */
export const CAMPAIGN_ZONE = ''

/**
 * The IANA zone of a lead's number when its country keeps one clock, else {@link CAMPAIGN_ZONE}
 * (unknown country, or one that spans zones such as the US or Russia).
 * @example findLeadTimeZone('+905321234567') // 'Europe/Istanbul'
 */
export function findLeadTimeZone(e164: string): string {
  const country = findPhoneCountry(e164)
  return (country && COUNTRY_ZONES.get(country)) || CAMPAIGN_ZONE
}

/** The zone to judge a lead's calling window in: its own, else the campaign's, else UTC. */
export function resolveLeadZone(leadZone: string | null, campaignZone: string | null): string {
  return leadZone || campaignZone || 'UTC'
}

/** Every zone a lead can have, plus the stored marker for "the campaign's zone". */
export function listLeadZones(): string[] {
  return [CAMPAIGN_ZONE, ...new Set(COUNTRY_ZONES.values())]
}
