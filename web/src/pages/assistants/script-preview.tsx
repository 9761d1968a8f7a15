import { type AssistantVariable, fillScript } from '@leadport/shared'
import { useState } from 'react'

/** A live preview of the script filled from sample values (rendered as text, never HTML). */
export function ScriptPreview({
  script,
  variables,
}: {
  script: string
  variables: AssistantVariable[]
}) {
  const [samples, setSamples] = useState<Record<string, string>>({})
  const values: Record<string, string> = {}
  for (const v of variables) {
    if (!v.key) continue
    const sample = samples[v.key] ?? v.default ?? ''
    if (sample !== '') values[v.key] = sample
  }
  const parts = fillScript(script, values)
  return (
    <div className="preview" data-testid="script-preview-panel">
      <h3>Preview</h3>
      {variables.some((v) => v.key) && (
        <div className="inline-form">
          {variables
            .filter((v) => v.key)
            .map((v) => (
              <label key={v.key} className="sample">
                Sample {v.label || v.key}
                <input
                  data-testid={`sample-${v.key}`}
                  value={samples[v.key] ?? v.default ?? ''}
                  onChange={(e) => setSamples((s) => ({ ...s, [v.key]: e.target.value }))}
                />
              </label>
            ))}
        </div>
      )}
      <p className="script-preview" data-testid="script-preview">
        {script === '' ? (
          <span className="muted">The script appears here as a lead would hear it.</span>
        ) : (
          parts.map((p, i) =>
            'text' in p ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional
              <span key={i}>{p.text}</span>
            ) : p.value !== null ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional
              <mark key={i} className="filled">
                {p.value}
              </mark>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional
              <mark key={i} className="gap" title="No value for this variable">
                {`{{${p.key}}}`}
              </mark>
            ),
          )
        )}
      </p>
    </div>
  )
}
