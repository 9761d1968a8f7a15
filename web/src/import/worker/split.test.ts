import { describe, expect, it } from 'vitest'
import { checkFile, type HelperPart } from './check-file.ts'
import { chunkBody } from './chunks.ts'
import { summarize } from './review.ts'
import { cellsOf } from './row-source.ts'
import { type CheckedRows, checkedRows, type Session, setSession } from './session.ts'
import { checkPart, linesBefore, planSplit, type SplitPlan } from './split.ts'
import type { CheckSettings } from './types.ts'

const VARIABLES = [{ key: 'customer_name', label: 'Customer name', required: false }]
const SETTINGS: CheckSettings = {
  read: {},
  mapping: { phone_number: 2, email: 3, secondary_phones: [], variables: { customer_name: 0 } },
  format: { kind: 'international' },
}
const ROWS = 12_000

/**
 * A lead file with what a cut in two can get wrong: title rows above the header, quoted values
 * over several lines, CRLF and blank lines, a U+FEFF starting a row, bad numbers, and numbers
 * repeated within each half and across the halves (some several times).
 */
function leadFile(): string {
  const lines = ['Leads export,,,', ',,,', 'Ad Soyad,Şirket,Telefon,E-posta']
  const phone = (i: number) => `+90532${String(1_000_000 + ((i * 7919) % 9_000_000))}`
  for (let i = 0; i < ROWS; i++) {
    let p = phone(i)
    if (i % 97 === 5) p = 'n/a'
    else if (i % 50 === 7)
      p = phone(i % 300) // often a first-half number, late in the file
    else if (i % 211 === 3) p = phone(ROWS - 1 - (i % 40)) // a number first seen near the end
    const name =
      i % 13 === 0 ? `"Ayşe\r\nYılmaz ${i}"` : i % 31 === 0 ? `\ufeffZoë ${i}` : `Ali ${i}`
    const company = i % 6 === 0 ? '"Doğan, Kaya & Co."' : 'Örnek A.Ş.'
    const email = i % 17 === 0 ? 'not-an-email' : `lead${i}@example.com`
    lines.push(`${name},${company},${p},${email}`)
    if (i % 500 === 0) lines.push('')
  }
  return `${lines.map((l, i) => (i % 3 === 0 ? `${l}\r` : l)).join('\n')}\n`
}

// With a cut, the worker holds only the file's head at first, as after opening a big file, and
// reads the rest from the file as the two workers do.
async function check(bytes: Uint8Array, plan?: SplitPlan): Promise<CheckedRows> {
  const s: Session = { bytes, name: 'leads.csv', sha256: () => Promise.resolve('f'), checked: null }
  let helper: HelperPart | undefined
  if (plan) {
    const file = new Blob([bytes as Uint8Array<ArrayBuffer>])
    s.bytes = bytes.slice(0, 64 * 1024)
    s.rest = file
    helper = {
      plan,
      text: file.slice(0, plan.at).stream(),
      size: file.size,
      result: checkPart(
        file.slice(plan.at - 1).stream(),
        file.size - plan.at + 1,
        plan,
        { encoding: 'utf-8', delimiter: ',', headerLength: 4 },
        SETTINGS,
        VARIABLES,
      ),
    }
  }
  setSession(s)
  const res = await checkFile(SETTINGS, VARIABLES, undefined, helper)
  if (!res.ok) throw new Error(res.error.message)
  expect(s.bytes).toEqual(bytes)
  return checkedRows()
}

function view(c: CheckedRows) {
  const n = c.rowNumbers.length
  return {
    summary: summarize(c),
    rowNumbers: [...c.rowNumbers],
    state: [...c.state],
    phones: [...c.phones],
    issues: [...c.issues].sort((a, b) => a[0] - b[0]),
    cells: cellsOf(c, 0, n - 1),
    chunks: [0, 1, 2].map((k) => chunkBody(c, k)),
  }
}

describe('checking a file in two halves', () => {
  const bytes = new TextEncoder().encode(leadFile())

  it('gives exactly what one pass gives, duplicates across the halves included', async () => {
    const plan = planSplit(bytes, 'utf-8', 0) as SplitPlan
    expect(plan.at).toBeGreaterThan(bytes.length * 0.47)
    expect(plan.at).toBeLessThan(bytes.length * 0.5)
    const whole = view(await check(bytes))
    const split = view(await check(bytes, plan))
    // The file has what the merge must get right: second-half rows repeating first-half numbers.
    const firstLine = linesBefore(bytes, plan.at) + 1
    const crossHalf = whole.issues.filter(
      ([i, list]) =>
        (whole.rowNumbers[i] as number) >= firstLine &&
        list.some(
          (x) =>
            x.code === 'DUPLICATE_IN_FILE' && Number(/row (\d+)/.exec(x.message)?.[1]) < firstLine,
        ),
    )
    expect(crossHalf.length).toBeGreaterThan(50)
    expect(whole.summary.rows).toBe(ROWS)
    expect(split).toEqual(whole)
  })

  it('counts lines before the cut as the parser does', () => {
    const text = 'a\r\nb\rc\nd\n\re'
    const bytes = new TextEncoder().encode(text)
    expect([1, 3, 5, 7, 9, 10].map((end) => linesBefore(bytes, end))).toEqual([0, 1, 2, 3, 4, 5])
    expect(linesBefore(new TextEncoder().encode('a\nb\n\nc'), 6)).toBe(3)
  })

  it('checks the whole file when the cut falls inside a quoted value', async () => {
    const text = new TextDecoder().decode(bytes)
    const inside = text.indexOf('"Ayşe\r\n', text.length / 2) + 'Ayşe\r\n'.length
    const at = new TextEncoder().encode(text.slice(0, inside)).length
    const plan = { at }
    expect(view(await check(bytes, plan))).toEqual(view(await check(bytes)))
  })
})
