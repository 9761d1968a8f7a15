import { expect, type Page, test } from '@playwright/test'
import * as XLSX from 'xlsx'
import { listLeads, next, shot } from '../fixtures/wizard.ts'

/** A campaign whose assistant takes the workbook's formatted columns as variables. */
async function formatsCampaign(page: Page): Promise<number> {
  await page.goto('/')
  const headers = { origin: new URL(page.url()).origin }
  const variables = ['customer_name', 'discount', 'zip', 'amount'].map((key) => ({
    key,
    label: key,
    required: false,
  }))
  const a = await page.request.post('/api/assistants', {
    headers,
    data: { name: 'Formats assistant', variables, time_zone: 'Europe/Istanbul' },
  })
  expect(a.status(), await a.text()).toBe(201)
  const c = await page.request.post('/api/campaigns', {
    headers,
    data: { name: 'Wizard formats', assistant_id: ((await a.json()) as { id: number }).id },
  })
  expect(c.status(), await c.text()).toBe(201)
  return ((await c.json()) as { id: number }).id
}

test('number formats reach the leads as Excel shows them; the phone keeps its digits', async ({
  page,
}, testInfo) => {
  const n = (v: number, z: string) => ({ t: 'n', v, z })
  const sheet = XLSX.utils.aoa_to_sheet([
    ['Name', 'Phone', 'Discount', 'Zip', 'Amount'],
    [
      'Ayşe',
      n(905321234567, '(###) ###-####'),
      n(0.15, '0%'),
      n(2134, '00000'),
      n(1234.5, '#,##0.00'),
    ],
    ['Jane', n(12133734253, '0'), n(0.075, '0.0%'), n(90210, '00000'), n(99, '#,##0.00')],
  ])
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, sheet, 'Leads')
  const buffer = Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array)

  const id = await formatsCampaign(page)
  await page.goto(`/campaigns/${id}/import`)
  await page.getByTestId('import-file-input').setInputFiles({
    name: 'formats.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  })
  await expect(page.getByTestId('read-preview')).toContainText('15%')
  await next(page)
  await page.getByTestId('map-col-0').selectOption('var:customer_name')
  await page.getByTestId('map-col-1').selectOption('phone_number')
  await page.getByTestId('map-col-2').selectOption('var:discount')
  await page.getByTestId('map-col-3').selectOption('var:zip')
  await page.getByTestId('map-col-4').selectOption('var:amount')
  await expect(page.getByTestId('mapped-preview')).toContainText('02134')
  await shot(page, testInfo, '3-map-formats')
  await next(page)
  await expect(page.getByTestId('mapped-preview')).toContainText('+905321234567')
  await next(page)
  await expect(page.getByTestId('review-ready')).toBeVisible({ timeout: 30_000 })
  await page.getByRole('button', { name: 'Upload 2 leads' }).click()
  await expect(page.getByTestId('result-inserted')).toHaveText('2', { timeout: 30_000 })

  const leads = await listLeads(page, id)
  const byPhone = Object.fromEntries(leads.map((l) => [l.phone_e164, l.variables]))
  expect(byPhone).toEqual({
    '+905321234567': { customer_name: 'Ayşe', discount: '15%', zip: '02134', amount: '1,234.50' },
    '+12133734253': { customer_name: 'Jane', discount: '7.5%', zip: '90210', amount: '99.00' },
  })
})
