import { expect, test } from '@playwright/test'

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

test('lead-file content is inert in the preview grid and the leads table', async ({
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
  await page.getByTestId('campaign-name').fill('<b>Hostile</b> =1+1')
  await page.getByTestId('create-campaign').click()
  await expect(page).toHaveURL(/\/campaigns\/\d+$/)
  await expect(page.getByTestId('campaign-title')).toHaveText('<b>Hostile</b> =1+1')

  await page.getByTestId('import-file').setInputFiles({
    name: '<img src=x onerror=alert(1)>.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(CSV, 'utf8'),
  })
  const preview = page.getByTestId('import-preview')
  await expect(preview).toContainText('7 rows')
  for (const v of HOSTILE) await expect(preview).toContainText(v)
  await expect(preview.locator('img, script')).toHaveCount(0)
  // The 1 MB value is shown cut by the cell, refused with a reason, and not uploaded.
  await expect(page.getByTestId('problems')).toContainText('1,048,576 characters long')
  await page.screenshot({ path: testInfo.outputPath('1-preview.png'), fullPage: true })

  await page.getByTestId('import-submit').click()
  await expect(page.getByTestId('import-result')).toContainText('added')
  const table = page.getByTestId('leads-table')
  for (const v of HOSTILE) await expect(table).toContainText(v)
  await expect(table).toContainText('line one')
  await expect(table.locator('img, script')).toHaveCount(0)
  await page.screenshot({ path: testInfo.outputPath('2-leads.png'), fullPage: true })

  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined()
  expect(dialogs).toEqual([])
  expect(cspViolations).toEqual([])
})
