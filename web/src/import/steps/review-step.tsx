import { useEffect, useState } from 'react'
import { parseBridge } from '../parse-bridge.ts'
import { refreshRows } from '../wizard/actions.ts'
import { setWizard, useWizard } from '../wizard/store.ts'
import type { ProblemFilter } from '../worker/types.ts'
import { BulkTools } from './bulk-tools.tsx'
import { issueLabel } from './issue-labels.ts'
import { ReviewGrid } from './review-grid.tsx'
import { ServerFinish } from './server-finish.tsx'
import { StepNav } from './step-nav.tsx'

const EMPTY = new Int32Array(0)

function filterKey(f: ProblemFilter): string {
  return typeof f === 'string' ? f : `code:${f.code}`
}

/** Step 5: counts by issue, the rows with issues in an editable grid, bulk fixes, then upload. */
export function ReviewStep() {
  const summary = useWizard((s) => s.summary)
  const preview = useWizard((s) => s.preview)
  const version = useWizard((s) => s.rowsVersion)
  const check = useWizard((s) => s.campaignCheck)
  const [filter, setFilter] = useState<ProblemFilter>('all')
  const [sendingFile, setSendingFile] = useState(false)
  const [listVersion, setListVersion] = useState(0)
  const [indexes, setIndexes] = useState<Int32Array>(EMPTY)
  const [selected, setSelected] = useState<Set<number>>(new Set())
  const [message, setMessage] = useState('')

  // When the review was first on screen (the browser benchmark reads it).
  useEffect(() => {
    performance.mark('import:review')
  }, [])

  // The list of rows changes with the filter and after bulk changes, not after one cell's edit
  // (a fixed row stays in view, marked fixed).
  // biome-ignore lint/correctness/useExhaustiveDependencies: listVersion and check re-run it
  useEffect(() => {
    let live = true
    void parseBridge.api.problems(filter).then((list) => live && setIndexes(list))
    return () => {
      live = false
    }
  }, [filter, listVersion, check])

  if (!summary || !preview) return null
  const header = preview.header
  const toggle = (i: number) =>
    setSelected((s) => {
      const next = new Set(s)
      if (!next.delete(i)) next.add(i)
      return next
    })
  const changed = (text: string) => {
    setMessage(text)
    setSelected(new Set())
    setListVersion((v) => v + 1)
    void refreshRows()
  }
  const codes = Object.entries(summary.by_code).filter(([, n]) => n > 0)

  return (
    <div data-testid="review-ready">
      <dl className="counts review-counts">
        <Count label="Rows" value={summary.rows} id="rows" />
        <Count label="Ready to import" value={summary.valid} id="valid" />
        <Count label="With errors (not imported)" value={summary.invalid} id="invalid" />
        <Count label="With warnings" value={summary.warnings} id="warnings" />
        <Count label="Duplicates in the file" value={summary.duplicates_in_file} id="dup-file" />
        <Count label="Already in the campaign" value={summary.in_campaign} id="in-campaign" />
        <Count label="Deleted" value={summary.deleted} id="deleted" />
      </dl>
      <p className="muted" data-testid="campaign-check">
        {check === 'checking'
          ? 'Checking which numbers the campaign already has…'
          : check === 'done'
            ? 'Checked against the numbers already in this campaign.'
            : typeof check === 'object'
              ? `Could not check the campaign's numbers: ${check.error}`
              : ''}
      </p>
      {codes.length > 0 && (
        <ul className="issue-counts" aria-label="Rows by issue" data-testid="issue-counts">
          {codes.map(([code, n]) => (
            <li key={code}>
              <button
                type="button"
                className={typeof filter === 'object' && filter.code === code ? 'chip on' : 'chip'}
                onClick={() => {
                  setFilter({ code })
                  setSelected(new Set())
                }}
              >
                {issueLabel(code)}: {n.toLocaleString('en-US')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <fieldset className="filters">
        <legend className="sr-only">Show rows</legend>
        <label>
          Show
          <select
            data-testid="issue-filter"
            value={filterKey(filter)}
            onChange={(e) => {
              const v = e.target.value
              setFilter(v.startsWith('code:') ? { code: v.slice(5) } : (v as ProblemFilter))
              setSelected(new Set())
            }}
          >
            <option value="all">All rows with issues ({summary.problems.toLocaleString()})</option>
            <option value="errors">Errors only ({summary.invalid.toLocaleString()})</option>
            <option value="warnings">Warnings only</option>
            {codes.map(([code, n]) => (
              <option key={code} value={`code:${code}`}>
                {issueLabel(code)} ({n.toLocaleString()})
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            data-testid="select-all"
            checked={indexes.length > 0 && selected.size === indexes.length}
            onChange={(e) => setSelected(e.target.checked ? new Set(indexes) : new Set())}
          />
          Select all {indexes.length.toLocaleString()} shown rows
        </label>
      </fieldset>
      <BulkTools
        header={header}
        filter={filter}
        shown={indexes.length}
        selected={selected}
        summary={summary}
        onChanged={changed}
      />
      {message && (
        <p className="note" role="status" data-testid="bulk-message">
          {message}
        </p>
      )}
      {indexes.length === 0 ? (
        <p className="muted">No rows to show: every row is ready to import.</p>
      ) : (
        <ReviewGrid
          indexes={indexes}
          header={header}
          version={version}
          selected={selected}
          onToggle={toggle}
          onEdited={() => void refreshRows()}
        />
      )}
      <p className="hint">
        Click a cell or use the arrow keys; Enter edits, Enter again saves and checks the row,
        Escape cancels; Space selects the row.
      </p>
      <StepNav
        back="format"
        nextLabel={`Upload ${summary.valid.toLocaleString('en-US')} ${summary.valid === 1 ? 'lead' : 'leads'}`}
        nextDisabled={summary.valid === 0 || sendingFile}
        onNext={() => setWizard({ step: 'upload', resumeId: null })}
      />
      <ServerFinish onSending={setSendingFile} />
    </div>
  )
}

function Count({ label, value, id }: { label: string; value: number; id: string }) {
  return (
    <div className="count-item">
      <dt>{label}</dt>
      <dd data-testid={`count-${id}`}>{value.toLocaleString('en-US')}</dd>
    </div>
  )
}
