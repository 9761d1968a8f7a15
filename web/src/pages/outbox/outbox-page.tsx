import type { OutboxMessageView } from '@leadport/shared'
import { QueryState } from '../query-state.tsx'
import { useOutbox, useRetryEmail } from './use-outbox.ts'

const STATUS: Record<OutboxMessageView['status'], string> = {
  pending: 'Waiting',
  sent: 'Sent',
  failed: 'Failed',
}

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—')

/** `/outbox` (admin): the emails the app sent or is trying to send, and why one is waiting. */
export function OutboxPage() {
  const outbox = useOutbox()
  const retry = useRetryEmail()
  return (
    <>
      <div className="page-head">
        <h1>Email outbox</h1>
      </div>
      <section className="panel">
        <QueryState what="the outbox" query={outbox}>
          {outbox.data && !outbox.data.mail_configured && (
            <p className="warning" data-testid="mail-off">
              Email is off: set LEADPORT_SMTP_URL and LEADPORT_MAIL_FROM on the server to send
              these.
            </p>
          )}
          {retry.error && (
            <p className="error" role="alert" data-testid="retry-error">
              {retry.error.message}
            </p>
          )}
          {outbox.data?.items.length === 0 ? (
            <p className="muted" data-testid="outbox-empty">
              No email yet. One is sent when a background or large import finishes.
            </p>
          ) : (
            <table className="table" data-testid="outbox-table">
              <thead>
                <tr>
                  <th scope="col">To</th>
                  <th scope="col">Subject</th>
                  <th scope="col">Status</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Last error</th>
                  <th scope="col">Next attempt</th>
                  <th scope="col">Sent</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {outbox.data?.items.map((m) => (
                  <tr key={m.id} data-testid={`email-${m.id}`}>
                    <td>{m.to}</td>
                    <td>{m.subject}</td>
                    <td>
                      <span className={`badge badge-${m.status}`} data-testid="email-status">
                        {STATUS[m.status]}
                      </span>
                    </td>
                    <td className="num">{m.attempts}</td>
                    <td className="issue-text">{m.last_error ?? ''}</td>
                    <td>{m.status === 'pending' ? when(m.next_attempt_at) : '—'}</td>
                    <td>{when(m.sent_at)}</td>
                    <td>
                      {m.status === 'failed' && (
                        <button
                          type="button"
                          className="secondary"
                          data-testid="retry-email"
                          disabled={retry.isPending}
                          onClick={() => retry.mutate(m.id)}
                        >
                          Retry now
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </QueryState>
      </section>
    </>
  )
}
