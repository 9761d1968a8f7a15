import { expect, test } from '@playwright/test'
import * as XLSX from 'xlsx'

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

  // The file is parsed in a Web Worker: watch one start.
  const worker = page.waitForEvent('worker')
  await page.getByTestId('import-file').setInputFiles({
    name: 'leads.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(CSV, 'utf8'),
  })
  await worker
  const preview = page.getByTestId('import-preview')
  await expect(preview).toContainText('5 rows')
  await expect(page.getByTestId('ready-count')).toHaveText('3 ready to import')
  await expect(preview).toContainText('Şükrü Çağlayan')
  const problems = page.getByTestId('problems')
  await expect(problems).toContainText('Row 5: The same number as row 2')
  await expect(problems).toContainText('Row 6: "12345" is not a valid phone number')
  await page.screenshot({ path: testInfo.outputPath('1-preview.png'), fullPage: true })

  await page.getByTestId('import-submit').click()
  const result = page.getByTestId('import-result')
  await expect(result).toContainText('3 added, 0 already in the campaign, 2 not imported')

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
  await page.getByTestId('import-file').setInputFiles({
    name: 'empty.csv',
    mimeType: 'text/csv',
    buffer: Buffer.alloc(0),
  })
  await expect(page.getByTestId('import-error')).toContainText('The file is empty')
  await expect(page.getByTestId('lead-total')).toHaveText('0')
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
  await page.getByTestId('phone-format').selectOption('TR')
  await page.getByTestId('import-file').setInputFiles({
    name: 'musteriler.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  })
  const preview = page.getByTestId('import-preview')
  await expect(preview).toContainText('XLSX, sheet "Liste", header on row 3')
  await expect(page.getByTestId('ready-count')).toHaveText('2 ready to import')
  await expect(page.getByTestId('problems')).toContainText('Row 4: Read from a number cell')
  await page.screenshot({ path: testInfo.outputPath('xlsx-preview.png'), fullPage: true })
  await page.getByTestId('import-submit').click()
  await expect(page.getByTestId('import-result')).toContainText('2 added')
  const table = page.getByTestId('leads-table')
  await expect(table).toContainText('+905321234567')
  await expect(table).toContainText('+905557654321')
  await expect(table).toContainText('Örnek A.Ş.')
})
