import { type DragEvent, useEffect, useState } from 'react'
import { parseBridge } from '../parse-bridge.ts'
import type { ResumableUpload } from '../upload/contract.ts'
import { dropResumable, loadResumable } from '../upload/resume-store.ts'
import { pickFile, resumeUpload } from '../wizard/actions.ts'
import { useWizard } from '../wizard/store.ts'
import { download, sampleCsv, sampleTable } from './sample-file.ts'

/** Step 1: drop or pick a file; sample files; an interrupted upload to resume. */
export function FileStep() {
  const campaignId = useWizard((s) => s.campaignId)
  const variables = useWizard((s) => s.variables)
  const busy = useWizard((s) => s.busy)
  const [over, setOver] = useState(false)
  const [resumable, setResumable] = useState<ResumableUpload | null>(null)

  useEffect(() => {
    loadResumable(campaignId).then(setResumable, () => setResumable(null))
  }, [campaignId])

  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    setOver(false)
    const file = e.dataTransfer.files[0]
    if (file) void pickFile(file)
  }
  const sampleXlsx = async () => {
    const { header, rows } = sampleTable(variables)
    const bytes = await parseBridge.api.sampleXlsx(header, rows)
    download(
      new Blob([bytes], {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }),
      'leads-sample.xlsx',
    )
  }

  return (
    <div data-testid="step-file">
      {resumable && (
        <section className="resume" aria-label="Interrupted upload" data-testid="resume-banner">
          <p>
            The upload of <strong>{resumable.fileName}</strong> (started{' '}
            {new Date(resumable.savedAt).toLocaleString()}) did not finish. Resume it: only the rows
            not stored yet are sent. Discarding it keeps the rows already stored in the campaign.
          </p>
          <button
            type="button"
            disabled={busy !== null}
            onClick={() => void resumeUpload(resumable)}
          >
            Resume upload
          </button>{' '}
          <button
            type="button"
            className="secondary"
            onClick={() => void dropResumable(campaignId).then(() => setResumable(null))}
          >
            Discard
          </button>
        </section>
      )}
      <label
        className={over ? 'dropzone over' : 'dropzone'}
        onDragOver={(e) => {
          e.preventDefault()
          setOver(true)
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <strong>Drop a lead file here</strong>
        <span className="muted">or click to choose one: CSV, TSV, TXT, XLSX, XLS or ODS</span>
        <input
          type="file"
          className="sr-only"
          accept=".csv,.tsv,.txt,.xlsx,.xlsm,.xls,.ods,text/csv"
          data-testid="import-file-input"
          aria-label="Lead file"
          disabled={busy !== null}
          onChange={(e) => {
            const file = e.target.files?.[0]
            e.target.value = ''
            if (file) void pickFile(file)
          }}
        />
      </label>
      <p className="muted">
        The file needs a column of phone numbers; other columns become{' '}
        {variables.length > 0
          ? `the assistant's variables (${variables.map((v) => v.label).join(', ')})`
          : 'email and secondary phones (give the campaign an assistant for more variables)'}
        . Download sample file:{' '}
        <button
          type="button"
          className="link"
          onClick={() => download(sampleCsv(variables), 'leads-sample.csv')}
        >
          CSV
        </button>{' '}
        ·{' '}
        <button type="button" className="link" onClick={() => void sampleXlsx()}>
          XLSX
        </button>
      </p>
    </div>
  )
}
