import { type ActivityPoint, CALL_OUTCOMES, type Campaign, LEAD_STATUSES } from '@leadport/shared'
import { useActivity } from './use-calls.ts'

const STATUS_COLORS: Record<string, string> = {
  created: '#9aa5b1',
  scheduled: '#5b8def',
  processing: '#f5a623',
  rescheduled: '#b07cf7',
  max_retries: '#e5534b',
  completed: '#2da44e',
  suppressed: '#57606a',
}
const OUTCOME_COLORS: Record<string, string> = {
  completed: '#2da44e',
  no_answer: '#9aa5b1',
  busy: '#f5a623',
  voicemail: '#5b8def',
  failed: '#e5534b',
}
const W = 640
const H = 120

type Series = 'leads' | 'calls'

/** Stacked columns, one per bucket; hand-written SVG (no chart library for two small charts). */
function Columns(p: {
  points: ActivityPoint[]
  series: Series
  keys: readonly string[]
  colors: Record<string, string>
  label: string
}) {
  const totals = p.points.map((pt) =>
    p.keys.reduce((n, k) => n + ((pt[p.series] as Record<string, number>)[k] ?? 0), 0),
  )
  const max = Math.max(1, ...totals)
  const slot = W / Math.max(1, p.points.length)
  const bar = Math.max(1, slot * 0.8)
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      height={H}
      role="img"
      aria-label={p.label}
      data-testid={`chart-${p.series}`}
      preserveAspectRatio="none"
    >
      <line x1={0} y1={H - 0.5} x2={W} y2={H - 0.5} stroke="#d0d7de" />
      {p.points.map((pt, i) => {
        let y = H
        const values = pt[p.series] as Record<string, number>
        return (
          <g key={pt.at}>
            <title>
              {new Date(pt.at).toLocaleTimeString()}:{' '}
              {p.keys
                .filter((k) => values[k])
                .map((k) => `${k} ${values[k]}`)
                .join(', ') || 'none'}
            </title>
            {p.keys.map((k) => {
              const v = values[k] ?? 0
              if (v === 0) return null
              const h = (v / max) * (H - 4)
              y -= h
              return (
                <rect
                  key={k}
                  x={i * slot + (slot - bar) / 2}
                  y={y}
                  width={bar}
                  height={h}
                  fill={p.colors[k]}
                />
              )
            })}
          </g>
        )
      })}
    </svg>
  )
}

function Legend(p: {
  values: Record<string, number>
  keys: readonly string[]
  colors: Record<string, string>
  id: string
}) {
  return (
    <ul
      className="counts"
      style={{ listStyle: 'none', paddingLeft: 0 }}
      data-testid={`legend-${p.id}`}
    >
      {p.keys.map((k) => (
        <li key={k} className="count-item" data-testid={`legend-${p.id}-${k}`}>
          <svg width="10" height="10" aria-hidden="true">
            <rect width="10" height="10" fill={p.colors[k]} />
          </svg>{' '}
          {k.replace('_', ' ')} <strong>{p.values[k] ?? 0}</strong>
        </li>
      ))}
    </ul>
  )
}

/**
 * Lead statuses and call outcomes over time (from the dialer's samples and the calls table),
 * refreshed while the campaign runs.
 */
export function ActivityChart({ campaign }: { campaign: Campaign }) {
  const activity = useActivity(campaign.id, campaign.status)
  const points = activity.data?.points ?? []
  const last = points[points.length - 1]
  const outcomes: Record<string, number> = {}
  for (const pt of points) {
    for (const [k, v] of Object.entries(pt.calls)) outcomes[k] = (outcomes[k] ?? 0) + (v ?? 0)
  }
  const bucket = activity.data?.bucket_seconds ?? 0
  const step =
    bucket >= 3600 ? `${bucket / 3600} h` : bucket >= 60 ? `${bucket / 60} min` : `${bucket} s`
  return (
    <section className="panel" aria-labelledby="activity-title">
      <h2 id="activity-title">Activity</h2>
      {activity.error && (
        <p className="error" role="alert">
          Could not load the activity: {activity.error.message}
        </p>
      )}
      {activity.data && (
        <>
          <h3>Leads by status</h3>
          <Columns
            points={points}
            series="leads"
            keys={LEAD_STATUSES}
            colors={STATUS_COLORS}
            label="Lead counts by status over time"
          />
          <Legend
            values={(last?.leads ?? {}) as Record<string, number>}
            keys={LEAD_STATUSES}
            colors={STATUS_COLORS}
            id="leads"
          />
          <h3>Calls by outcome</h3>
          <Columns
            points={points}
            series="calls"
            keys={CALL_OUTCOMES}
            colors={OUTCOME_COLORS}
            label="Calls ended by outcome over time"
          />
          <Legend values={outcomes} keys={CALL_OUTCOMES} colors={OUTCOME_COLORS} id="calls" />
          <p className="muted">
            One column per {step}
            {points[0] ? `, since ${new Date(points[0].at).toLocaleString()}` : ''}.
          </p>
        </>
      )}
    </section>
  )
}
