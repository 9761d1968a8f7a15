import { readFile } from 'node:fs/promises'
import { expect, test } from '@playwright/test'
import * as XLSX from 'xlsx'
import { countOf, createCampaign, listLeads, next, shot } from '../fixtures/wizard.ts'

const CSV = [
  'Ad Soyad,Şirket,Telefon,E-posta',
  'Şükrü Çağlayan,Acme A.Ş.,+90 532 123 45 67,sukru@example.com',
  'Jane Doe,Globex,+1 (213) 373-4253,jane@example.com',
  'Same number,Acme A.Ş.,+905321234567,',
  'Too short,Nowhere,12345,',
  'Mehmet Öz,Initech,0090 555 765 43 21,mehmet@example',
  '',
].join('\n')

test('the wizard imports a CSV: read, map, format, review, upload, result', async ({
  page,
}, testInfo) => {
  const id = await createCampaign(page, 'Wizard CSV')
  await page.goto(`/campaigns/${id}`)
  await page.getByTestId('import-leads').click()
  await expect(page).toHaveURL(new RegExp(`/campaigns/${id}/import$`))
  await shot(page, testInfo, '1-file')
  // Sample files carry phone_number, the assistant's variables and secondary_phone_1.
  const csvSample = page.waitForEvent('download')
  await page.getByRole('button', { name: 'CSV', exact: true }).click()
  const csvText = await readFile((await (await csvSample).path()) as string, 'utf8')
  expect(csvText.split(/\r?\n/)[0]).toBe(
    '\uFEFFphone_number,customer_name,company,secondary_phone_1',
  )
  const xlsxSample = page.waitForEvent('download')
  await page.getByRole('button', { name: 'XLSX', exact: true }).click()
  const wb = XLSX.read(await readFile((await (await xlsxSample).path()) as string))
  const sheet = wb.Sheets[wb.SheetNames[0] as string] as XLSX.WorkSheet
  expect(XLSX.utils.sheet_to_json(sheet, { header: 1 })[0]).toEqual([
    'phone_number',
    'customer_name',
    'company',
    'secondary_phone_1',
  ])

  const worker = page.waitForEvent('worker')
  await page.getByTestId('import-file-input').setInputFiles({
    name: 'leads.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(CSV, 'utf8'),
  })
  await worker
  // Step 2: what was detected, and the top of the file.
  await expect(page.getByTestId('read-delimiter')).toHaveValue(',')
  await expect(page.getByTestId('read-encoding')).toHaveValue('utf-8')
  await expect(page.getByTestId('header-row')).toHaveText('1')
  await expect(page.getByTestId('read-preview')).toContainText('Şükrü Çağlayan')
  await shot(page, testInfo, '2-read')
  await next(page)

  // Step 3: auto-mapped by the Turkish headers; the preview shows E.164 numbers.
  await expect(page.getByTestId('map-col-0')).toHaveValue('var:customer_name')
  await expect(page.getByTestId('map-col-1')).toHaveValue('var:company')
  await expect(page.getByTestId('map-col-2')).toHaveValue('phone_number')
  await expect(page.getByTestId('map-col-3')).toHaveValue('email')
  const mapped = page.getByTestId('mapped-preview')
  await expect(mapped).toContainText('+905321234567')
  await expect(mapped).toContainText('+905557654321')
  await shot(page, testInfo, '3-map')
  await next(page)

  // Step 4: International (the default).
  await expect(page.getByTestId('format-international')).toBeChecked()
  await shot(page, testInfo, '4-format')
  await next(page)

  // Step 5: counts by issue before anything is sent.
  const review = page.getByTestId('review-ready')
  await expect(review).toBeVisible()
  expect(await countOf(page, 'count-rows')).toBe(5)
  expect(await countOf(page, 'count-valid')).toBe(2)
  expect(await countOf(page, 'count-invalid')).toBe(3)
  expect(await countOf(page, 'count-dup-file')).toBe(1)
  await expect(page.getByTestId('review-grid')).toContainText('DUPLICATE_IN_FILE')
  await expect(page.getByTestId('review-grid')).toContainText('EMAIL_INVALID')
  await page
    .getByTestId('issue-counts')
    .getByRole('button', { name: /Duplicate in the file: 1/ })
    .click()
  await expect(page.getByTestId('review-grid').getByTestId('grid-row')).toHaveCount(1)
  await shot(page, testInfo, '5-review')
  await page.getByRole('button', { name: 'Upload 2 leads' }).click()

  // Steps 6 and 7: the server's counts.
  const done = page.getByTestId('upload-done')
  await expect(done).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('result-inserted')).toHaveText('2', { timeout: 30_000 })
  await expect(page.getByTestId('result-dup-file')).toHaveText('1')
  await expect(page.getByTestId('result-invalid')).toHaveText('2')
  await expect(page.getByTestId('report-csv')).toBeVisible()
  await shot(page, testInfo, '7-result')
  const report = await page.request.get(
    (await page.getByTestId('report-csv').getAttribute('href')) as string,
  )
  const text = await report.text()
  expect(text).toContain('12345')
  expect(text).toContain('mehmet@example')

  const leads = await listLeads(page, id)
  expect(leads.map((l) => l.phone_e164).sort()).toEqual(['+12133734253', '+905321234567'])
  expect(leads.find((l) => l.phone_e164 === '+905321234567')?.variables).toMatchObject({
    customer_name: 'Şükrü Çağlayan',
    company: 'Acme A.Ş.',
    email: 'sukru@example.com',
  })
  await page.getByTestId('to-leads').click()
  await expect(page.getByTestId('leads-table')).toContainText('+12133734253')

  // The mapping is remembered and offered for the next file with the same columns.
  await page.goto(`/campaigns/${id}/import`)
  await page.getByTestId('import-file-input').setInputFiles({
    name: 'again.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(CSV, 'utf8'),
  })
  await next(page)
  await expect(page.getByTestId('saved-mapping')).toBeVisible()
})

test('an XLSX whose header sits under title rows on its second sheet', async ({
  page,
}, testInfo) => {
  const notes = XLSX.utils.aoa_to_sheet([['Read me'], ['This workbook lists leads on sheet 2']])
  const leads = XLSX.utils.aoa_to_sheet([
    ['Müşteri listesi — Ekim'],
    ['Hazırlayan: Satış'],
    [],
    ['Ad Soyad', 'Şirket', 'Cep Telefonu'],
    ['Ayşe Yılmaz', 'Örnek A.Ş.', 5321234567],
    ['Mehmet Öz', 'Acme', '0555 765 43 21'],
    ['Bad One', 'Nowhere', '0212'],
  ])
  const hidden = XLSX.utils.aoa_to_sheet([['secret'], ['x']])
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, notes, 'Notes')
  XLSX.utils.book_append_sheet(wb, leads, 'Liste')
  XLSX.utils.book_append_sheet(wb, hidden, 'Gizli')
  wb.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 0 }, { Hidden: 1 }] }
  const buffer = Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array)

  const id = await createCampaign(page, 'Wizard XLSX')
  await page.goto(`/campaigns/${id}/import`)
  await page.getByTestId('import-file-input').setInputFiles({
    name: 'musteriler.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  })
  const sheet = page.getByTestId('read-sheet')
  await expect(sheet).toBeVisible()
  await expect(sheet.locator('option', { hasText: 'Gizli (hidden)' })).toHaveCount(1)
  await sheet.selectOption('Liste')
  await expect(page.getByTestId('header-row')).toHaveText('4')
  await expect(page.getByTestId('read-preview')).toContainText('Müşteri listesi')
  await shot(page, testInfo, '2-read-xlsx')
  await next(page)
  await expect(page.getByTestId('map-col-2')).toHaveValue('phone_number')
  await next(page)
  await page.getByTestId('format-national').check()
  await page.getByTestId('format-country-search').fill('Turkey')
  await page.getByTestId('format-country').selectOption('TR')
  await expect(page.getByTestId('mapped-preview')).toContainText('+905321234567')
  await expect(page.getByTestId('mapped-preview')).toContainText('+905557654321')
  await shot(page, testInfo, '4-format-national')
  await next(page)
  await expect(page.getByTestId('review-ready')).toBeVisible({ timeout: 30_000 })
  expect(await countOf(page, 'count-valid')).toBe(2)
  expect(await countOf(page, 'count-invalid')).toBe(1)
  await expect(page.getByTestId('review-grid')).toContainText('PHONE_FROM_NUMBER_CELL')
  await page.getByRole('button', { name: 'Upload 2 leads' }).click()
  await expect(page.getByTestId('upload-done')).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('result-inserted')).toHaveText('2', { timeout: 30_000 })
  await expect(page.getByTestId('result-invalid')).toHaveText('1')
  await shot(page, testInfo, '7-result-xlsx')
  const leadsStored = await listLeads(page, id)
  expect(leadsStored.map((l) => l.phone_e164).sort()).toEqual(['+905321234567', '+905557654321'])
})
