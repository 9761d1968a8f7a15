import { useEffect, useMemo, useState } from 'react'
import { parseBridge } from '../parse-bridge.ts'

interface Country {
  code: string
  callingCode: string
  name: string
  flag: string
}

const names = new Intl.DisplayNames(['en'], { type: 'region' })
// One collator: `localeCompare` builds one per call.
const collator = new Intl.Collator('en')

function flagOf(code: string): string {
  return String.fromCodePoint(...[...code].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65))
}

// Other names people search by (the display name may be the official one, such as Türkiye).
const ALIASES: Record<string, string> = {
  TR: 'turkey türkiye turkiye',
  GB: 'uk united kingdom england britain',
  US: 'usa united states america',
  AE: 'uae emirates',
  NL: 'holland',
  CZ: 'czech republic',
  KR: 'south korea',
  RU: 'russia',
  DE: 'deutschland',
}

let cache: Country[] | null = null

/** Every country with a numbering plan (from the worker's libphonenumber-js metadata). */
function useCountries(): Country[] {
  const [list, setList] = useState<Country[]>(cache ?? [])
  useEffect(() => {
    if (cache) return
    void parseBridge.api.countries().then((cs) => {
      cache = cs
        .map((c) => ({ ...c, name: names.of(c.code) ?? c.code, flag: flagOf(c.code) }))
        .sort((a, b) => collator.compare(a.name, b.name))
      setList(cache)
    })
  }, [])
  return list
}

/**
 * A searchable country list (flag, name, ISO code, calling code).
 * @example <CountryPicker value="TR" onChange={setCountry} label="Country" />
 */
export function CountryPicker({
  value,
  onChange,
  label,
  testId,
}: {
  value: string
  onChange: (code: string) => void
  label: string
  testId?: string
}) {
  const countries = useCountries()
  const [query, setQuery] = useState('')
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase().replace(/^\+/, '')
    if (!q) return countries
    return countries.filter(
      (c) =>
        c.name.toLowerCase().includes(q) ||
        c.code.toLowerCase() === q ||
        c.callingCode.startsWith(q) ||
        (ALIASES[c.code]?.includes(q) ?? false),
    )
  }, [countries, query])
  return (
    <div className="country-picker">
      <label>
        Search countries
        <input
          type="search"
          value={query}
          placeholder="Name, code or +90"
          data-testid={testId ? `${testId}-search` : undefined}
          onChange={(e) => {
            setQuery(e.target.value)
            const q = e.target.value.trim().toLowerCase()
            const exact = countries.find(
              (c) => c.code.toLowerCase() === q || c.name.toLowerCase() === q,
            )
            if (exact) onChange(exact.code)
          }}
        />
      </label>
      <label>
        {label}
        <select
          size={6}
          value={value}
          data-testid={testId}
          onChange={(e) => onChange(e.target.value)}
        >
          {shown.map((c) => (
            <option key={c.code} value={c.code}>
              {c.flag} {c.name} ({c.code}) +{c.callingCode}
            </option>
          ))}
        </select>
      </label>
    </div>
  )
}
