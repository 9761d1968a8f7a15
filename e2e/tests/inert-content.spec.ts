import { expect, test } from '@playwright/test'
import { createCampaign, next, shot } from '../fixtures/wizard.ts'

// Lead-file content that tries to run: markup, spreadsheet formulas, CRLF and a 1 MB value.
const HOSTILE = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '=HYPERLINK("http://evil.example","click")',
  "+cmd|' /C calc'!A0",
  '@SUM(1+1)',
]
const quote = (v: string) => `"${v.replace(/"/g, '""')}"`
const MB = 'x'.repeat(1024 * 1024)
const CSV = [
  'phone_number,customer_name,company',
  ...HOSTILE.map((v, i) => `+44 20 7946 00${10 + i},${quote(v)},${quote(v)}`),
  `+44 20 7946 0020,${quote('line one\r\nline two')},CRLF Ltd`,
  `+44 20 7946 0021,Big Value,${MB}`,
  '',
].join('\r\n')

test('lead-file content is inert in every step of the wizard and in the leads table', async ({
  page,
}, testInfo) => {
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  const cspViolations: string[] = []
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text())
  })
  await page.goto('/')
  const id = await createCampaign(page, '<b>Hostile</b> =1+1')
  await page.goto(`/campaigns/${id}`)
  await expect(page.getByTestId('campaign-title')).toHaveText('<b>Hostile</b> =1+1')
  await page.getByTestId('import-leads').click()

  await page.getByTestId('import-file-input').setInputFiles({
    name: '<img src=x onerror=alert(1)>.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(CSV, 'utf8'),
  })
  const read = page.getByTestId('read-preview')
  for (const v of HOSTILE) await expect(read).toContainText(v)
  await expect(read.locator('img, script')).toHaveCount(0)
  await shot(page, testInfo, '1-read')
  await next(page)
  const mapped = page.getByTestId('mapped-preview')
  for (const v of HOSTILE) await expect(mapped).toContainText(v)
  await expect(mapped.locator('img, script')).toHaveCount(0)
  await next(page)
  await next(page)

  // The 1 MB value is refused with a reason before upload.
  await expect(page.getByTestId('review-ready')).toBeVisible()
  await expect(page.getByTestId('review-grid')).toContainText('VALUE_TOO_LONG')
  await expect(page.locator('img, script[src*="evil"]')).toHaveCount(0)
  await shot(page, testInfo, '2-review')
  await page.getByRole('button', { name: /^Upload \d+ leads$/ }).click()
  await expect(page.getByTestId('upload-done')).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('result-inserted')).toHaveText('6', { timeout: 30_000 })
  await page.getByTestId('to-leads').click()

  const table = page.getByTestId('leads-table')
  for (const v of HOSTILE) await expect(table).toContainText(v)
  await expect(table).toContainText('line one')
  await expect(table.locator('img, script')).toHaveCount(0)
  await shot(page, testInfo, '3-leads')

  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined()
  expect(dialogs).toEqual([])
  expect(cspViolations).toEqual([])
})
