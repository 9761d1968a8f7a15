import type { Delimiter, TextEncoding } from '@leadport/shared'
import { changeRead } from '../wizard/actions.ts'
import { useWizard } from '../wizard/store.ts'
import { StepNav } from './step-nav.tsx'

const DELIMITER_NAMES: Record<Delimiter, string> = {
  ',': 'Comma ( , )',
  ';': 'Semicolon ( ; )',
  '\t': 'Tab',
  '|': 'Pipe ( | )',
}
const ENCODING_NAMES: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252 (Western European)',
  'windows-1254': 'Windows-1254 (Turkish)',
}

/** Step 2: sheet, header row, encoding and delimiter, with the detected values and a live preview. */
export function ReadStep() {
  const preview = useWizard((s) => s.preview)
  const detected = useWizard((s) => s.detected)
  const read = useWizard((s) => s.read)
  const opened = useWizard((s) => s.opened)
  if (!preview || !detected) return null
  const isText = preview.kind === 'csv'
  const width = Math.max(1, ...preview.rows.map((r) => r.cells.length))
  const mark = (same: boolean) => (same ? ' (detected)' : '')

  return (
    <div data-testid="step-read">
      <p>
        <strong>{opened?.name}</strong>: {preview.kind.toUpperCase()}
        {preview.sheet ? `, sheet "${preview.sheet}"` : ''}, header on row{' '}
        <span data-testid="header-row">{preview.headerRow}</span>.
      </p>
      {preview.notes.map((n) => (
        <p key={n} className="note">
          {n}
        </p>
      ))}
      <div className="options-row">
        {!isText && (
          <label className="field">
            Sheet
            <select
              data-testid="read-sheet"
              value={preview.sheet ?? ''}
              onChange={(e) => void changeRead({ sheet: e.target.value })}
            >
              {preview.sheets.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.name}
                  {s.veryHidden ? ' (very hidden)' : s.hidden ? ' (hidden)' : ''}
                  {mark(s.name === detected.sheet)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          Header row
          <input
            type="number"
            min={1}
            data-testid="read-header-row"
            value={read.headerRow ?? preview.headerRow}
            onChange={(e) => {
              const n = Number(e.target.value)
              if (Number.isInteger(n) && n >= 1) void changeRead({ headerRow: n })
            }}
          />
          <span className="hint">detected: row {preview.detectedHeaderRow}</span>
        </label>
        {isText && (
          <label className="field">
            Encoding
            <select
              data-testid="read-encoding"
              value={preview.encoding}
              onChange={(e) => void changeRead({ encoding: e.target.value as TextEncoding })}
            >
              {detected.encodings.map((enc) => (
                <option key={enc} value={enc}>
                  {ENCODING_NAMES[enc]}
                  {mark(enc === detected.encoding)}
                </option>
              ))}
            </select>
          </label>
        )}
        {isText && (
          <label className="field">
            Delimiter
            <select
              data-testid="read-delimiter"
              value={preview.delimiter}
              onChange={(e) => void changeRead({ delimiter: e.target.value as Delimiter })}
            >
              {(Object.keys(DELIMITER_NAMES) as Delimiter[]).map((d) => (
                <option key={d} value={d}>
                  {DELIMITER_NAMES[d]}
                  {mark(d === detected.delimiter)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div className="scroll preview-box">
        <table
          className="table compact"
          data-testid="read-preview"
          aria-label="The top of the file"
        >
          <tbody>
            {preview.rows.map((r) => (
              <tr
                key={r.row}
                className={
                  r.row === preview.headerRow
                    ? 'header-row'
                    : r.row < preview.headerRow
                      ? 'above'
                      : undefined
                }
              >
                <th scope="row" className="muted num">
                  {r.row}
                </th>
                {Array.from({ length: width }, (_, c) => (
                  <td key={c}>
                    <bdi>{r.cells[c] ?? ''}</bdi>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <StepNav back="file" next="map" />
    </div>
  )
}
