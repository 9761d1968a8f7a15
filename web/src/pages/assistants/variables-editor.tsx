import type { AssistantVariable } from '@leadport/shared'

// Turns a label into a key as a person would write it: "Customer name" → customer_name.
function keyFromLabel(label: string): string {
  const k = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '')
  return k.slice(0, 64)
}

/** Edits an assistant's variables: key, label, default value, required. */
export function VariablesEditor({
  variables,
  onChange,
}: {
  variables: AssistantVariable[]
  onChange: (v: AssistantVariable[]) => void
}) {
  const update = (i: number, patch: Partial<AssistantVariable>) =>
    onChange(variables.map((v, j) => (j === i ? { ...v, ...patch } : v)))
  return (
    <fieldset className="variables" data-testid="variables-editor">
      <legend>Variables</legend>
      {variables.length === 0 && (
        <p className="muted">No variables: the script is the same for every lead.</p>
      )}
      {variables.map((v, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; keys change as typed
        <div className="variable-row" key={i}>
          <label>
            Label
            <input
              data-testid={`variable-label-${i}`}
              value={v.label}
              onChange={(e) => {
                const auto = v.key === '' || v.key === keyFromLabel(v.label)
                update(i, {
                  label: e.target.value,
                  ...(auto ? { key: keyFromLabel(e.target.value) } : {}),
                })
              }}
            />
          </label>
          <label>
            Key
            <input
              data-testid={`variable-key-${i}`}
              className="mono"
              value={v.key}
              onChange={(e) => update(i, { key: e.target.value })}
            />
          </label>
          <label>
            Default
            <input
              data-testid={`variable-default-${i}`}
              value={v.default ?? ''}
              onChange={(e) => update(i, { default: e.target.value || undefined })}
            />
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={v.required}
              onChange={(e) => update(i, { required: e.target.checked })}
            />
            Required
          </label>
          <button
            type="button"
            className="link"
            aria-label={`Remove variable ${v.label || i + 1}`}
            onClick={() => onChange(variables.filter((_, j) => j !== i))}
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        className="secondary"
        data-testid="add-variable"
        onClick={() => onChange([...variables, { key: '', label: '', required: false }])}
      >
        Add variable
      </button>
    </fieldset>
  )
}
