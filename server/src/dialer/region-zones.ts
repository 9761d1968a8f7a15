import { findNanpZone } from './nanp-zones.ts'

// Regions of other multi-zone countries whose numbers carry them. Brazil's DDD (two digits after
// +55) is kept by mobiles too; Brazil has no daylight saving time since 2019, so every UTC-3 DDD
// shares São Paulo's clock. Amazonas' interior (97) straddles UTC-4/-5 and is left out.
const BR_UTC3 = `11 12 13 14 15 16 17 18 19 21 22 24 27 28 31 32 33 34 35 37 38 41 42 43 44 45
  46 47 48 49 51 53 54 55 61 62 63 64 71 73 74 75 77 79 81 82 83 84 85 86 87 88 89 91 93 94 96
  98 99`
const BR: Record<string, string> = {
  ...Object.fromEntries(BR_UTC3.split(/\s+/).map((d) => [d, 'America/Sao_Paulo'])),
  '65': 'America/Cuiaba',
  '66': 'America/Cuiaba',
  '67': 'America/Campo_Grande',
  '68': 'America/Rio_Branco',
  '69': 'America/Porto_Velho',
  '92': 'America/Manaus',
  '95': 'America/Boa_Vista',
}
// Australia's landline area codes (mobiles, 4, carry no region): 2 NSW/ACT, 3 VIC/TAS, 7 QLD
// (no daylight saving). 8 spans Perth, Adelaide and Darwin and is left out.
const AU: Record<string, string> = {
  '2': 'Australia/Sydney',
  '3': 'Australia/Melbourne',
  '7': 'Australia/Brisbane',
}

/** Every zone {@link findRegionZone} can give besides the NANP ones. */
export const REGION_ZONES: readonly string[] = [
  ...new Set([...Object.values(BR), ...Object.values(AU)]),
]

/**
 * The zone of a number's region in a multi-zone country when the number tells it (US and Canada
 * by area code, Brazil by DDD, Australian landlines by area code), else `undefined`.
 * @example findRegionZone('BR', '+5592912345678') // 'America/Manaus'
 */
export function findRegionZone(country: string, e164: string): string | undefined {
  if (country === 'US' || country === 'CA') return findNanpZone(e164)
  if (country === 'BR') return BR[e164.slice(3, 5)]
  if (country === 'AU') return AU[e164.slice(3, 4)]
  return undefined
}
