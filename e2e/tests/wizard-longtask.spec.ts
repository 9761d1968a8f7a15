import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, type Locator, type Page, test } from '@playwright/test'
import { sameOrigin } from './same-origin.ts'

// Issue 7: "in a Chromium test with a 200,000-row file, no long task over 200 ms from file pick
// to review screen (PerformanceObserver `longtask`)".
const ROWS = 200_000
const LIMIT_MS = 200
const JUNK = ['n/a', '9.05551E+11', '1-800-FLOWERS', '12345', '']

/** A 200,000-row lead CSV: one row in 40 has a bad phone, one in 101 repeats an earlier number. */
function leadCsv() {
  const phones: string[] = new Array(ROWS)
  const valid: boolean[] = new Array(ROWS)
  const lines = ['Ad Soyad,Şirket,Telefon,E-posta']
  let bad = 0
  let duplicates = 0
  for (let i = 0; i < ROWS; i++) {
    let phone: string
    if (i % 40 === 39) {
      phone = JUNK[Math.floor(i / 40) % JUNK.length] as string
      bad++
    } else if (i % 101 === 100 && valid[i - 50]) {
      phone = phones[i - 50] as string
      duplicates++
    } else {
      // Distinct Turkish mobiles in no particular order (7919 is prime to 10^7).
      const d = String((i * 7919 + 12345) % 10_000_000).padStart(7, '0')
      phone = i % 2 ? `+90532${d}` : `+90 532 ${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5)}`
      valid[i] = true
    }
    phones[i] = phone
    lines.push(`Ayşe Yılmaz ${i},Örnek A.Ş.,${phone},lead${i}@example.com`)
  }
  return { csv: `${lines.join('\n')}\n`, valid: ROWS - bad - duplicates }
}

// Installed before any page script: every long task, in page time.
const OBSERVE_LONG_TASKS = `
  globalThis.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) globalThis.__longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
`
type Tasks = [start: number, duration: number][]
const longTasks = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { __longTasks: Tasks }).__longTasks)

/** Clicks the wizard's enabled "Next" until `target` shows. */
async function advanceTo(page: Page, target: Locator, timeout: number) {
  const next = page.locator('button:enabled', { hasText: /^\s*Next\s*$/ })
  const deadline = Date.now() + timeout
  for (let clicks = 0; clicks <= 12; clicks++) {
    const left = Math.max(1, deadline - Date.now())
    await target.or(next).first().waitFor({ state: 'visible', timeout: left })
    if (await target.isVisible()) return
    // The button may go away between the check and the click (the step moved on): try again.
    await next
      .first()
      .click({ timeout: Math.min(left, 5_000) })
      .catch(() => undefined)
  }
  throw new Error(`still no ${target} after 12 "Next" clicks`)
}

let tempDir: string | undefined
test.afterEach(() => {
  if (tempDir) rmSync(tempDir, { recursive: true, force: true })
})

test('a 200,000-row CSV: no main-thread task over 200 ms from file pick to review', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000)
  const { csv, valid } = leadCsv()
  // A file on disk, not a buffer: Playwright hands a path to Chromium as a real file pick, while
  // a buffer is rebuilt as a File by script in the page, on the very thread being measured.
  // (In a temp folder of its own: a parallel Playwright run empties test-results/ as it starts.)
  tempDir = mkdtempSync(join(tmpdir(), 'leadport-longtask-'))
  const file = join(tempDir, 'leads.csv')
  writeFileSync(file, csv)
  await page.addInitScript(OBSERVE_LONG_TASKS)
  await page.goto('/')
  const created = await page.request.post('/api/campaigns', {
    headers: sameOrigin(page),
    data: { name: 'Long tasks' },
  })
  expect(created.status()).toBe(201)
  const { id } = (await created.json()) as { id: number }
  await page.goto(`/campaigns/${id}/import`)
  const input = page.getByTestId('import-file-input')
  await input.waitFor({ state: 'attached' })

  // The observer must see a long task, or an empty list below would prove nothing: block the
  // main thread for 300 ms on purpose (before the pick, so outside the measured window).
  await page.evaluate(
    () =>
      new Promise<void>((done) =>
        setTimeout(() => {
          const end = performance.now() + 300
          while (performance.now() < end) {}
          done()
        }, 0),
      ),
  )
  await expect
    .poll(async () => Math.max(0, ...(await longTasks(page)).map(([, d]) => d)))
    .toBeGreaterThanOrEqual(300)

  const pickedAt = await page.evaluate(() => performance.now())
  await input.setInputFiles(file)
  await advanceTo(page, page.getByTestId('review-ready'), 180_000)
  const readyAt = await page.evaluate(() => performance.now())
  // Entries reach the observer after their task ends: let one more task run before reading.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 0)))
  const measured = (await longTasks(page)).filter(([s, d]) => s + d > pickedAt && s < readyAt)
  const durations = measured.map(([, d]) => Math.round(d)).sort((a, b) => b - a)
  const max = durations[0] ?? 0
  const summary = `max long task ${max} ms over ${Math.round(readyAt - pickedAt)} ms from pick to review; ${durations.length} long tasks (${durations.slice(0, 10).join(', ')} ms ...)`
  console.log(summary)
  testInfo.annotations.push({ type: 'longtask', description: summary })
  await testInfo.attach('long-tasks.json', {
    body: JSON.stringify({ pickedAt, readyAt, tasks: measured }),
    contentType: 'application/json',
  })
  await page.screenshot({ path: testInfo.outputPath('review.png'), fullPage: true })
  expect(
    durations.filter((d) => d > LIMIT_MS),
    summary,
  ).toEqual([])

  // The review offers exactly the valid rows for upload (bad phones and in-file repeats held back).
  const upload = page.getByRole('button', { name: /^Upload [\d,.\s]+ leads?$/ })
  await advanceTo(page, upload, 60_000)
  expect(Number(((await upload.textContent()) ?? '').replace(/\D/g, ''))).toBe(valid)
})
