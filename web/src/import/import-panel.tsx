import type { LeadInput } from '@leadport/shared'
import { useQueryClient } from '@tanstack/react-query'
import { type ChangeEvent, useRef, useState } from 'react'
import { parseBridge } from './parse-bridge.ts'
import { type UploadSummary, uploadLeads } from './upload-leads.ts'
import type { ParsedFile } from './worker/parse-worker.ts'

type Step =
  | { at: 'idle' }
  | { at: 'parsing'; fileName: string }
  | { at: 'parsed'; fileName: string; file: ParsedFile }
  | { at: 'uploading'; fileName: string; done: number; total: number }
  | { at: 'done'; fileName: string; summary: UploadSummary }
  | { at: 'failed'; message: string }

const COUNTRIES = ['TR', 'US', 'GB', 'DE', 'FR', 'IN', 'BR'] as const

/** "Import leads": pick a CSV, parse it in the worker, preview, upload in batches. */
export function ImportPanel({ campaignId }: { campaignId: number }) {
  const [step, setStep] = useState<Step>({ at: 'idle' })
  const [country, setCountry] = useState('')
  const abort = useRef<AbortController | null>(null)
  const qc = useQueryClient()

  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const picked = e.target.files?.[0]
    e.target.value = ''
    if (!picked) return
    abort.current?.abort()
    const ctrl = new AbortController()
    abort.current = ctrl
    setStep({ at: 'parsing', fileName: picked.name })
    try {
      const res = await parseBridge.parseCsv(picked, ctrl.signal)
      if (ctrl.signal.aborted) return
      setStep(
        res.ok
          ? { at: 'parsed', fileName: picked.name, file: res.data }
          : { at: 'failed', message: res.error.message },
      )
    } catch (err) {
      if (!ctrl.signal.aborted)
        setStep({ at: 'failed', message: `Could not read the file: ${String(err)}` })
    }
  }

  const upload = async (fileName: string, file: ParsedFile) => {
    const ctrl = new AbortController()
    abort.current = ctrl
    const leads: LeadInput[] = []
    const rowNumbers: number[] = []
    for (let i = 0; i < file.rows.length; i++) {
      const row = file.rows[i] as string[]
      const variables: Record<string, string> = {}
      for (let c = 0; c < file.header.length; c++) {
        if (c !== file.phoneColumn && row[c])
          variables[file.header[c] || `column_${c + 1}`] = row[c] as string
      }
      leads.push({
        phone_number: row[file.phoneColumn] ?? '',
        variables,
        ...(country ? { country } : {}),
      })
      rowNumbers.push(i + 1)
    }
    setStep({ at: 'uploading', fileName, done: 0, total: leads.length })
    try {
      const summary = await uploadLeads(campaignId, leads, rowNumbers, ctrl.signal, (done) =>
        setStep({ at: 'uploading', fileName, done, total: leads.length }),
      )
      setStep({ at: 'done', fileName, summary })
    } catch (err) {
      setStep({ at: 'failed', message: err instanceof Error ? err.message : String(err) })
    } finally {
      await qc.invalidateQueries({ queryKey: ['campaigns', campaignId] })
    }
  }

  return (
    <section className="panel" aria-labelledby="import-title">
      <h2 id="import-title">Import leads</h2>
      <div className="inline-form">
        <label className="file-button">
          Choose a CSV file
          <input
            type="file"
            accept=".csv,.txt,.tsv,text/csv"
            data-testid="import-file"
            onChange={pick}
          />
        </label>
        <label htmlFor="phone-format">Phone format</label>
        <select
          id="phone-format"
          data-testid="phone-format"
          value={country}
          onChange={(e) => setCountry(e.target.value)}
        >
          <option value="">International (+country code)</option>
          {COUNTRIES.map((c) => (
            <option key={c} value={c}>
              National: {c}
            </option>
          ))}
        </select>
      </div>
      {step.at === 'idle' && (
        <p className="muted">
          The file needs a header row with a phone_number column. Other columns become lead
          variables.
        </p>
      )}
      {step.at === 'parsing' && <p className="muted">Reading {step.fileName}…</p>}
      {step.at === 'failed' && (
        <p className="error" role="alert" data-testid="import-error">
          {step.message}
        </p>
      )}
      {step.at === 'parsed' && (
        <Preview
          file={step.file}
          onImport={() => upload(step.fileName, step.file)}
          fileName={step.fileName}
        />
      )}
      {step.at === 'uploading' && (
        <div>
          <progress value={step.done} max={step.total} aria-label="Upload progress" />{' '}
          {step.done.toLocaleString()} of {step.total.toLocaleString()} rows sent
        </div>
      )}
      {step.at === 'done' && (
        <div data-testid="import-result" className="result">
          <p>
            <strong>{step.fileName}</strong>: {step.summary.created.toLocaleString()} added,{' '}
            {step.summary.duplicate.toLocaleString()} already in the campaign,{' '}
            {step.summary.invalid.length.toLocaleString()} not imported.
          </p>
          {step.summary.invalid.length > 0 && (
            <ul className="issues">
              {step.summary.invalid.slice(0, 20).map((r) => (
                <li key={r.row}>
                  Data row {r.row}: {r.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  )
}

function Preview({
  file,
  fileName,
  onImport,
}: {
  file: ParsedFile
  fileName: string
  onImport: () => void
}) {
  const shown = file.rows.slice(0, 50)
  return (
    <div data-testid="import-preview">
      <p>
        <strong>{fileName}</strong>: {file.rows.length.toLocaleString()} rows. Phone numbers are in{' '}
        <strong>{file.header[file.phoneColumn]}</strong>. First {shown.length} rows:
      </p>
      <div className="scroll">
        <table className="table compact">
          <thead>
            <tr>
              <th scope="col">Row</th>
              {file.header.map((h, i) => (
                <th
                  scope="col"
                  key={`${i}:${h}`}
                  className={i === file.phoneColumn ? 'hl' : undefined}
                >
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row, r) => (
              <tr key={r}>
                <td className="muted">{r + 1}</td>
                {file.header.map((h, c) => (
                  <td key={`${c}:${h}`} className={c === file.phoneColumn ? 'hl mono' : undefined}>
                    <bdi>{row[c]}</bdi>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" data-testid="import-submit" onClick={onImport}>
        Import {file.rows.length.toLocaleString()} leads
      </button>
    </div>
  )
}
