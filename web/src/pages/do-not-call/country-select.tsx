const COUNTRIES = ['TR', 'US', 'GB', 'DE', 'FR', 'IN', 'BR']

/** International (numbers start with + or 00) or National with one country. */
export function CountrySelect(p: { id: string; value: string; onChange(v: string): void }) {
  return (
    <>
      <label htmlFor={p.id}>Format</label>
      <select
        id={p.id}
        data-testid={p.id}
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
        className="short"
      >
        <option value="">International (+)</option>
        {COUNTRIES.map((c) => (
          <option key={c} value={c}>
            National: {c}
          </option>
        ))}
      </select>
    </>
  )
}
