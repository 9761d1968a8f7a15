import { expect, type Page, test } from '@playwright/test'
import * as XLSX from 'xlsx'
import { sameOrigin } from './same-origin.ts'

/** Gives the campaign an assistant whose variables the file's name and company columns feed. */
async function giveAssistant(page: Page, id: number) {
  const a = await page.request.post('/api/assistants', {
    headers: sameOrigin(page),
    data: {
      name: `Assistant ${id}`,
      variables: [
        { key: 'customer_name', label: 'Customer name', required: false },
        { key: 'company', label: 'Company', required: false },
      ],
    },
  })
  const assistant = (await a.json()) as { id: number }
  const r = await page.request.patch(`/api/campaigns/${id}`, {
    headers: sameOrigin(page),
    data: { assistant_id: assistant.id },
  })
  expect(r.status()).toBe(200)
}

/** The import wizard's "Next" until the review shows. */
async function toReview(page: Page) {
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Next', exact: true }).click()
  await expect(page.getByTestId('review-ready')).toBeVisible({ timeout: 30_000 })
}

const CSV = [
  'phone_number,customer_name,company',
  '+90 532 123 45 67,Şükrü Çağlayan,Acme A.Ş.',
  '+1 (213) 373-4253,Jane Doe,Globex',
  '+44 7911 123456,<img src=x onerror=alert(1)>,Initech',
  '+90 532 123 45 67,Same number again,Acme A.Ş.',
  '12345,Too short,Nowhere',
  '',
].join('\n')

test('create a campaign, import a CSV parsed in a worker, see the leads on /campaigns/:id', async ({
  page,
}, testInfo) => {
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })

  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Campaigns' })).toBeVisible()
  await page.getByTestId('campaign-name').fill('Istanbul retail Q3')
  await page.getByTestId('create-campaign').click()

  await expect(page).toHaveURL(/\/campaigns\/\d+$/)
  await expect(page.getByTestId('campaign-title')).toHaveText('Istanbul retail Q3')
  const id = Number(new URL(page.url()).pathname.split('/').pop())
  expect(id).toBeGreaterThanOrEqual(1000)

  await giveAssistant(page, id)
  await page.getByTestId('import-leads').click()
  // The file is parsed in a Web Worker: watch one start.
  const worker = page.waitForEvent('worker')
  await page.getByTestId('import-file-input').setInputFiles({
    name: 'leads.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(CSV, 'utf8'),
  })
  await worker
  await expect(page.getByTestId('read-preview')).toContainText('Şükrü Çağlayan')
  await toReview(page)
  await expect(page.getByTestId('count-rows')).toHaveText('5')
  await expect(page.getByTestId('count-valid')).toHaveText('3')
  const problems = page.getByTestId('review-grid')
  await expect(problems).toContainText('The same number as row 2')
  await expect(problems).toContainText('"12345" is not a valid phone number')
  await page.screenshot({ path: testInfo.outputPath('1-preview.png'), fullPage: true })

  await page.getByRole('button', { name: 'Upload 3 leads' }).click()
  await expect(page.getByTestId('result-inserted')).toHaveText('3', { timeout: 30_000 })
  await expect(page.getByTestId('result-dup-campaign')).toHaveText('0')
  await expect(page.getByTestId('result-dup-file')).toHaveText('1')
  await expect(page.getByTestId('result-invalid')).toHaveText('1')
  await page.getByTestId('to-leads').click()

  const table = page.getByTestId('leads-table')
  await expect(table).toContainText('+905321234567')
  await expect(table).toContainText('+12133734253')
  await expect(table).toContainText('+447911123456')
  await expect(table).toContainText('<img src=x onerror=alert(1)>')
  await expect(page.getByTestId('lead-total')).toHaveText('3')
  await page.screenshot({ path: testInfo.outputPath('2-leads.png'), fullPage: true })

  // The page is a real route: reloading /campaigns/:id serves the SPA and shows the stored leads.
  await page.reload()
  await expect(page.getByTestId('leads-table')).toContainText('Şükrü Çağlayan')
  const stored = await page.request.get(`/api/campaigns/${id}/leads`)
  expect((await stored.json()).items).toHaveLength(3)
  expect(dialogs).toEqual([])
})

test('an empty file gets a clear message and sends nothing', async ({ page }) => {
  await page.goto('/')
  await page.getByTestId('campaign-name').fill('Empty file check')
  await page.getByTestId('create-campaign').click()
  await expect(page).toHaveURL(/\/campaigns\/\d+$/)
  await page.getByTestId('import-leads').click()
  await page.getByTestId('import-file-input').setInputFiles({
    name: 'empty.csv',
    mimeType: 'text/csv',
    buffer: Buffer.alloc(0),
  })
  await expect(page.getByTestId('wizard-error')).toContainText('The file is empty')
  await expect(page.getByTestId('import-file-input')).toBeAttached()
})

test('an XLSX with title rows and number cells is read in the worker, in National format', async ({
  page,
}, testInfo) => {
  const ws = XLSX.utils.aoa_to_sheet([
    ['Müşteri listesi — Ekim'],
    [],
    ['Ad Soyad', 'Şirket', 'Cep Telefonu'],
    ['Ayşe Yılmaz', 'Örnek A.Ş.', 5321234567],
    ['Mehmet Öz', 'Acme', '0555 765 43 21'],
  ])
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, ws, 'Liste')
  const buffer = Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array)

  await page.goto('/')
  await page.getByTestId('campaign-name').fill('Workbook import')
  await page.getByTestId('create-campaign').click()
  await expect(page).toHaveURL(/\/campaigns\/\d+$/)
  await giveAssistant(page, Number(new URL(page.url()).pathname.split('/').pop()))
  await page.getByTestId('import-leads').click()
  await page.getByTestId('import-file-input').setInputFiles({
    name: 'musteriler.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  })
  await expect(page.getByTestId('step-read')).toContainText('XLSX, sheet "Liste", header on row 3')
  await page.getByRole('button', { name: 'Next', exact: true }).click()
  await page.getByRole('button', { name: 'Next', exact: true }).click()
  await page.getByTestId('format-national').check()
  await page.getByTestId('format-country').selectOption('TR')
  await page.getByRole('button', { name: 'Next', exact: true }).click()
  await expect(page.getByTestId('count-valid')).toHaveText('2', { timeout: 30_000 })
  await expect(page.getByTestId('review-grid')).toContainText('PHONE_FROM_NUMBER_CELL')
  await page.screenshot({ path: testInfo.outputPath('xlsx-preview.png'), fullPage: true })
  await page.getByRole('button', { name: 'Upload 2 leads' }).click()
  await expect(page.getByTestId('result-inserted')).toHaveText('2', { timeout: 30_000 })
  await page.getByTestId('to-leads').click()
  const table = page.getByTestId('leads-table')
  await expect(table).toContainText('+905321234567')
  await expect(table).toContainText('+905557654321')
  await expect(table).toContainText('Örnek A.Ş.')
})
