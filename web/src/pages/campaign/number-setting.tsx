/** A whole-number setting with its range enforced by the input and its default shown. */
export function NumberSetting({
  id,
  label,
  unit,
  limits,
  value,
  onChange,
}: {
  id: string
  label: string
  unit: string
  limits: { min: number; max: number; default: number }
  value: string
  onChange: (value: string) => void
}) {
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {unit ? ` (${unit})` : ''}
      </label>
      <input
        id={id}
        data-testid={id}
        type="number"
        inputMode="numeric"
        min={limits.min}
        max={limits.max}
        step={1}
        required
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="short"
      />
      <span className="hint">
        {limits.min}–{limits.max}, default {limits.default}
      </span>
    </div>
  )
}
