import type { Import } from '@leadport/shared'

const n = (v: number) => v.toLocaleString('en-US')

/** An import's counters as labelled figures. */
export function ImportCounts({ counts }: { counts: Import['counts'] }) {
  const items: [string, string, number][] = [
    ['rows', 'Rows read', counts.rows],
    ['inserted', 'Added as leads', counts.inserted],
    ['duplicate-in-file', 'Duplicates in the file', counts.duplicate_in_file],
    ['duplicate-in-campaign', 'Already in the campaign', counts.duplicate_in_campaign],
    ['invalid', 'Invalid rows', counts.invalid],
    ['warnings', 'Added with a warning', counts.warnings],
  ]
  return (
    <dl className="review-counts" data-testid="import-counts">
      {items.map(([key, label, value]) => (
        <div key={key} className="count-item" data-testid={`count-${key}`}>
          <dt>{label}</dt>
          <dd>{n(value)}</dd>
        </div>
      ))}
    </dl>
  )
}
