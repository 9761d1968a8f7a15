import { AddNumbersForm } from './add-numbers-form.tsx'
import { DncList } from './dnc-list.tsx'
import { UploadForm } from './upload-form.tsx'

/**
 * `/do-not-call`: the workspace's do-not-call list. Listed numbers are never dialled: leads
 * with them are `suppressed` when they arrive, and waiting ones when a number is listed.
 */
export function DoNotCallPage() {
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Do not call</h1>
          <p className="muted">
            Numbers here are never called, in any campaign. Leads with them show as “Do not call”.
          </p>
        </div>
      </div>
      <section className="panel" aria-labelledby="dnc-add-title">
        <h2 id="dnc-add-title">Add numbers</h2>
        <AddNumbersForm />
      </section>
      <section className="panel" aria-labelledby="dnc-upload-title">
        <h2 id="dnc-upload-title">Upload a file</h2>
        <p className="muted">
          A CSV, XLSX or XLS file (up to 1 MB) with a phone column; other columns are ignored.
        </p>
        <UploadForm />
      </section>
      <section className="panel" aria-labelledby="dnc-list-title">
        <h2 id="dnc-list-title">The list</h2>
        <DncList />
      </section>
    </>
  )
}
