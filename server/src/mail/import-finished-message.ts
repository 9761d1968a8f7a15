/** What the "import finished" email tells. All text fields are user-controlled. */
export interface ImportFinishedFacts {
  importId: number
  campaignId: number
  campaignName: string
  fileName: string
  rows: number
  inserted: number
  duplicates: number
  invalid: number
}

/** A rendered email: subject, text body and HTML body. */
export interface RenderedMessage {
  subject: string
  text: string
  html: string
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] as string)
}

/**
 * One line of user text: control, format and line-separator characters become spaces and the
 * length is capped. Nodemailer already encodes a CRLF in a subject; this keeps the subject
 * readable and is a second line of defence.
 */
function oneLine(s: string, max: number): string {
  const flat = s.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

const n = (v: number) => v.toLocaleString('en-US')

/**
 * Renders the email sent when an import finishes: counts and links to the campaign, the import
 * and its skipped-rows report. User text appears only in the subject (as one line) and in the
 * bodies (escaped in HTML); never in any other header. Row contents are never included.
 * @example renderImportFinished(facts, 'https://leads.example.com').subject
 * // 'Import finished: Spring leads (12,000 rows, 11,800 added)'
 */
export function renderImportFinished(f: ImportFinishedFacts, publicUrl: string): RenderedMessage {
  const campaign = oneLine(f.campaignName, 120)
  const file = oneLine(f.fileName, 255)
  const links = {
    campaign: `${publicUrl}/campaigns/${f.campaignId}`,
    // The app's import page (status, counts, report links), not the API's JSON.
    import: `${publicUrl}/imports/${f.importId}`,
    report: `${publicUrl}/api/imports/${f.importId}/report`,
  }
  const counts: [string, number][] = [
    ['Rows in the file', f.rows],
    ['Added as leads', f.inserted],
    ['Duplicates skipped', f.duplicates],
    ['Invalid rows skipped', f.invalid],
  ]
  const subject = `Import finished: ${campaign} (${n(f.rows)} rows, ${n(f.inserted)} added)`
  const text = [
    `Your import of "${file}" into the campaign "${campaign}" has finished.`,
    '',
    ...counts.map(([label, v]) => `${label}: ${n(v)}`),
    '',
    `Campaign: ${links.campaign}`,
    `Import: ${links.import}`,
    `Skipped rows (XLSX): ${links.report}`,
    '',
    '-- Leadport',
  ].join('\n')
  const e = escapeHtml
  const html = [
    `<p>Your import of <strong>${e(file)}</strong> into the campaign <strong>${e(campaign)}</strong> has finished.</p>`,
    '<table>',
    ...counts.map(([label, v]) => `<tr><td>${label}</td><td>${n(v)}</td></tr>`),
    '</table>',
    `<p><a href="${e(links.campaign)}">Open the campaign</a> · <a href="${e(links.import)}">Import details</a> · <a href="${e(links.report)}">Skipped rows (XLSX)</a></p>`,
  ].join('\n')
  return { subject, text, html }
}
