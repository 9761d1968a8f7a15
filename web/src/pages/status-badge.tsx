const LABELS: Record<string, string> = {
  draft: 'Draft',
  in_progress: 'In progress',
  paused: 'Paused',
  completed: 'Completed',
  created: 'Created',
  scheduled: 'Scheduled',
  processing: 'Calling',
  rescheduled: 'Rescheduled',
  max_retries: 'Max retries',
  suppressed: 'Do not call',
}

/** A campaign or lead status as a coloured pill. */
export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${status}`}>{LABELS[status] ?? status}</span>
}
