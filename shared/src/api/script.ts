// `{{ key }}` with optional spaces; keys as assistant variables spell them.
const PLACEHOLDER_RE = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g

/** The distinct `{{key}}` placeholders of a script template, in order of first use. */
export function listPlaceholders(template: string): string[] {
  const seen = new Set<string>()
  for (const m of template.matchAll(PLACEHOLDER_RE)) seen.add(m[1] as string)
  return [...seen]
}

/** One piece of a filled template: literal text, or a placeholder and its value (or `null`). */
export type ScriptPart = { text: string } | { key: string; value: string | null }

/**
 * Splits a template into text and filled placeholders, so a page can render the preview as
 * text (never HTML) and mark the gaps.
 * @example fillScript('Hi {{name}}', { name: 'Ayşe' }) // [{ text: 'Hi ' }, { key: 'name', value: 'Ayşe' }]
 */
export function fillScript(template: string, values: Record<string, string>): ScriptPart[] {
  const parts: ScriptPart[] = []
  let last = 0
  for (const m of template.matchAll(PLACEHOLDER_RE)) {
    if (m.index > last) parts.push({ text: template.slice(last, m.index) })
    const key = m[1] as string
    const value = Object.hasOwn(values, key) ? (values[key] as string) : null
    parts.push({ key, value })
    last = m.index + m[0].length
  }
  if (last < template.length) parts.push({ text: template.slice(last) })
  return parts
}
