import { type FormEvent, useState } from 'react'
import { CountrySelect } from './country-select.tsx'
import { useUploadDoNotCall } from './use-do-not-call.ts'

/** Upload a CSV, XLSX or XLS file whose phone column holds the numbers (up to 1 MB). */
export function UploadForm() {
  const upload = useUploadDoNotCall()
  const [file, setFile] = useState<File | null>(null)
  const [country, setCountry] = useState('')
  const [reason, setReason] = useState('')
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (file) upload.mutate({ file, country, reason })
  }
  const r = upload.data
  return (
    <form onSubmit={submit} data-testid="dnc-upload-form">
      <div className="inline-form">
        <label htmlFor="dnc-file">File</label>
        <input
          id="dnc-file"
          data-testid="dnc-file"
          type="file"
          accept=".csv,.tsv,.txt,.xlsx,.xls"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <CountrySelect id="dnc-file-country" value={country} onChange={setCountry} />
        <label htmlFor="dnc-file-reason">Reason</label>
        <input
          id="dnc-file-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="Opt-out list from the CRM"
          maxLength={500}
        />
        <button type="submit" data-testid="dnc-upload" disabled={upload.isPending || !file}>
          Upload
        </button>
      </div>
      {upload.error && (
        <p className="error" role="alert" data-testid="dnc-upload-error">
          {upload.error.message}
        </p>
      )}
      {r && (
        <div role="status" data-testid="dnc-upload-result">
          <p className="muted">
            {r.rows} rows: added {r.added}, already listed {r.duplicate}, unreadable {r.invalid}
            {r.suppressed_leads > 0
              ? `; ${r.suppressed_leads} waiting leads will not be called`
              : ''}
            .
          </p>
          {r.notes.map((n) => (
            <p key={n} className="note">
              {n}
            </p>
          ))}
          {r.invalid_rows.length > 0 && (
            <ul className="error">
              {r.invalid_rows.map((x) => (
                <li key={x.row}>
                  Row {x.row}: {x.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  )
}
