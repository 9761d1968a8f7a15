import type { AssistantVariable, CountryCode, LeadInput, PhoneFormat } from '@leadport/shared'
import { useQueryClient } from '@tanstack/react-query'
import { type ChangeEvent, useRef, useState } from 'react'
import { CheckedView } from './checked-view.tsx'
import { parseBridge } from './parse-bridge.ts'
import { type UploadSummary, uploadLeads } from './upload-leads.ts'
import type { CheckedFile } from './worker/parse-worker.ts'

type Step =
  | { at: 'idle' }
  | { at: 'reading'; fileName: string; fraction: number }
  | { at: 'checked'; fileName: string; checked: CheckedFile }
  | { at: 'uploading'; fileName: string; done: number; total: number }
  | { at: 'done'; fileName: string; summary: UploadSummary; skipped: number }
  | { at: 'failed'; message: string }

const COUNTRIES: readonly CountryCode[] = ['TR', 'US', 'GB', 'DE', 'FR', 'IN', 'BR']
// The mapping targets besides phones when the campaign has no assistant yet.
const FALLBACK_VARIABLES: AssistantVariable[] = [
  { key: 'customer_name', label: 'Customer name', required: false },
  { key: 'company', label: 'Company', required: false },
]

/**
 * "Import leads": pick a file, check it in the worker, review, upload the clean rows. The
 * campaign assistant's `variables` are the mapping targets besides phones.
 */
export function ImportPanel({
  campaignId,
  variables = FALLBACK_VARIABLES,
}: {
  campaignId: number
  variables?: AssistantVariable[]
}) {
  const [step, setStep] = useState<Step>({ at: 'idle' })
  const [country, setCountry] = useState('')
  const picked = useRef<File | null>(null)
  const abort = useRef<AbortController | null>(null)
  const qc = useQueryClient()

  const check = async (file: File, countryCode: string) => {
    abort.current?.abort()
    const ctrl = new AbortController()
    abort.current = ctrl
    const format: PhoneFormat = countryCode
      ? { kind: 'national', country: countryCode as CountryCode }
      : { kind: 'international' }
    setStep({ at: 'reading', fileName: file.name, fraction: 0 })
    try {
      const res = await parseBridge.checkFile(
        file,
        { fileName: file.name, format, variables },
        ctrl.signal,
        (fraction) => setStep((s) => (s.at === 'reading' ? { ...s, fraction } : s)),
      )
      if (ctrl.signal.aborted) return
      setStep(
        res.ok
          ? { at: 'checked', fileName: file.name, checked: res.data }
          : { at: 'failed', message: res.error.message },
      )
    } catch (err) {
      if (!ctrl.signal.aborted)
        setStep({ at: 'failed', message: `Could not read the file: ${String(err)}` })
    }
  }

  const pick = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0]
    e.target.value = ''
    if (!file) return
    picked.current = file
    void check(file, country)
  }

  const changeCountry = (value: string) => {
    setCountry(value)
    if (picked.current && step.at === 'checked') void check(picked.current, value)
  }

  const upload = async (fileName: string, checked: CheckedFile) => {
    const ctrl = new AbortController()
    abort.current = ctrl
    const leads: LeadInput[] = checked.clean.map((r) => ({
      phone_number: r.phone,
      variables: r.values,
    }))
    const rowNumbers = checked.clean.map((r) => r.row)
    const skipped = checked.summary.invalid
    setStep({ at: 'uploading', fileName, done: 0, total: leads.length })
    try {
      const summary = await uploadLeads(campaignId, leads, rowNumbers, ctrl.signal, (done) =>
        setStep({ at: 'uploading', fileName, done, total: leads.length }),
      )
      setStep({ at: 'done', fileName, summary, skipped })
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
          Choose a file (CSV, XLSX, XLS)
          <input
            type="file"
            accept=".csv,.txt,.tsv,.xlsx,.xls,.ods,text/csv"
            data-testid="import-file"
            onChange={pick}
          />
        </label>
        <label htmlFor="phone-format">Phone format</label>
        <select
          id="phone-format"
          data-testid="phone-format"
          value={country}
          onChange={(e) => changeCountry(e.target.value)}
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
          The file needs a header row and a phone column. Columns are matched by their names
          {variables.length > 0
            ? `; these become lead variables: ${variables.map((v) => v.label).join(', ')}.`
            : '.'}
        </p>
      )}
      {step.at === 'reading' && (
        <p className="muted">
          Reading {step.fileName}…{' '}
          <progress value={step.fraction} max={1} aria-label="Reading progress" />
        </p>
      )}
      {step.at === 'failed' && (
        <p className="error" role="alert" data-testid="import-error">
          {step.message}
        </p>
      )}
      {step.at === 'checked' && (
        <CheckedView
          fileName={step.fileName}
          checked={step.checked}
          onImport={() => upload(step.fileName, step.checked)}
        />
      )}
      {step.at === 'uploading' && (
        <div>
          <progress value={step.done} max={step.total} aria-label="Upload progress" />{' '}
          {step.done.toLocaleString()} of {step.total.toLocaleString()} leads sent
        </div>
      )}
      {step.at === 'done' && (
        <div data-testid="import-result" className="result">
          <p>
            <strong>{step.fileName}</strong>: {step.summary.created.toLocaleString()} added,{' '}
            {step.summary.duplicate.toLocaleString()} already in the campaign,{' '}
            {(step.skipped + step.summary.invalid.length).toLocaleString()} not imported.
          </p>
        </div>
      )}
    </section>
  )
}
