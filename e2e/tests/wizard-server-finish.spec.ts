import { expect, test } from '@playwright/test'
import { countOf, createCampaign, listLeads, next, shot } from '../fixtures/wizard.ts'

// A title row above the header, semicolons, national numbers and a column left out: the leads
// below (Turkish numbers, no company) prove the wizard's choices reached the server.
const CSV = [
  'Müşteri listesi — Kasım;;',
  'Ad Soyad;Şirket;Telefon',
  'Ayşe Yılmaz;Örnek A.Ş.;0532 123 45 67',
  'Mehmet Öz;Acme;0555 765 43 21',
  'Aynı numara;Acme;+90 532 123 45 67',
  'Kısa;Nowhere;0212 12',
  '',
].join('\n')

test('the review hands the file to the server, which finishes the import', async ({
  page,
}, testInfo) => {
  const id = await createCampaign(page, 'Server finish')
  await page.goto(`/campaigns/${id}/import`)
  await page.getByTestId('import-file-input').setInputFiles({
    name: 'kasim.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(CSV, 'utf8'),
  })
  await expect(page.getByTestId('read-delimiter')).toHaveValue(';')
  await expect(page.getByTestId('header-row')).toHaveText('2')
  await next(page)
  await expect(page.getByTestId('map-col-0')).toHaveValue('var:customer_name')
  await expect(page.getByTestId('map-col-2')).toHaveValue('phone_number')
  // A choice the server could not guess: the company column is left out.
  await page.getByTestId('map-col-1').selectOption('')
  await next(page)
  await page.getByTestId('format-national').check()
  await page.getByTestId('format-country-search').fill('Turkey')
  await page.getByTestId('format-country').selectOption('TR')
  await next(page)

  await expect(page.getByTestId('review-ready')).toBeVisible({ timeout: 30_000 })
  expect(await countOf(page, 'count-rows')).toBe(4)
  expect(await countOf(page, 'count-valid')).toBe(2)
  const button = page.getByRole('button', {
    name: 'Let the server finish (you can close this tab)',
  })
  await expect(button).toBeEnabled()
  await expect(page.getByTestId('server-finish-edits')).toHaveCount(0)
  await shot(page, testInfo, '5-review-server-finish')

  // An edit in the grid stays in the tab: said next to the button.
  await page.getByTestId('replace-column').selectOption({ label: 'Telefon' })
  await page.getByTestId('replace-find').fill('0212 12')
  await page.getByTestId('replace-with').fill('0212 555 12 12')
  await page.getByRole('button', { name: /^Replace in \d+ shown rows?$/ }).click()
  await expect.poll(() => countOf(page, 'count-valid')).toBe(3)
  await expect(page.getByTestId('server-finish-edits')).toHaveText(
    'Your 1 edit stays in this tab only: the server reads the file as it is. Use “Upload” to keep it.',
  )
  await page.getByTestId('server-finish').scrollIntoViewIfNeeded()
  await shot(page, testInfo, '5-review-server-finish-edits')
  await page.getByTestId('server-finish').screenshot({
    path: testInfo.outputPath('server-finish-button.png'),
  })

  await button.click()
  await expect(page).toHaveURL(/\/imports\/\d+$/, { timeout: 30_000 })
  const importId = Number(new URL(page.url()).pathname.split('/').pop())
  await expect(page.getByTestId('import-title')).toHaveText('kasim.csv')
  await expect(page.getByTestId('import-status')).toHaveText('Completed', { timeout: 30_000 })
  const counts = page.getByTestId('import-counts')
  await expect(counts.getByTestId('count-rows')).toContainText('4')
  await expect(counts.getByTestId('count-inserted')).toContainText('2')
  await expect(counts.getByTestId('count-duplicate-in-file')).toContainText('1')
  // The server read the file as it is: the row fixed in the tab is still invalid there.
  await expect(counts.getByTestId('count-invalid')).toContainText('1')
  await expect(page.getByTestId('report-csv')).toBeVisible()
  await shot(page, testInfo, '8-import-page')

  const imp = await page.request.get(`/api/imports/${importId}`)
  expect(imp.status()).toBe(200)
  expect(await imp.json()).toMatchObject({
    campaign_id: id,
    status: 'completed',
    counts: { rows: 4, inserted: 2, duplicate_in_file: 1, invalid: 1 },
  })
  const leads = await listLeads(page, id)
  expect(leads.map((l) => l.phone_e164).sort()).toEqual(['+905321234567', '+905557654321'])
  const ayse = leads.find((l) => l.phone_e164 === '+905321234567')
  expect(ayse?.variables).toMatchObject({ customer_name: 'Ayşe Yılmaz' })
  expect(ayse?.variables).not.toHaveProperty('company')
})

test("the server's refusal is shown in words and the wizard stays", async ({ page }, testInfo) => {
  const id = await createCampaign(page, 'Server finish refused')
  await page.goto(`/campaigns/${id}/import`)
  await page.getByTestId('import-file-input').setInputFiles({
    name: 'refused.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(CSV, 'utf8'),
  })
  await expect(page.getByTestId('header-row')).toHaveText('2')
  await next(page)
  await expect(page.getByTestId('map-col-0')).toHaveValue('var:customer_name')
  await next(page)
  await next(page)
  await expect(page.getByTestId('review-ready')).toBeVisible({ timeout: 30_000 })
  // Meanwhile someone renames the assistant's variables: the mapping no longer fits.
  const campaign = await page.request.get(`/api/campaigns/${id}`)
  const assistantId = ((await campaign.json()) as { assistant_id: number }).assistant_id
  const renamed = await page.request.patch(`/api/assistants/${assistantId}`, {
    headers: { origin: new URL(page.url()).origin },
    data: { variables: [{ key: 'full_name', label: 'Full name', required: false }] },
  })
  expect(renamed.status(), await renamed.text()).toBe(200)

  const button = page.getByTestId('server-finish-button')
  await button.click()
  const refusal = page.getByTestId('server-finish-error')
  await expect(refusal).toContainText('The server could not use these import settings:')
  await expect(refusal).toContainText('"customer_name"')
  await expect(page).toHaveURL(new RegExp(`/campaigns/${id}/import$`))
  await expect(button).toBeEnabled()
  await page.getByTestId('server-finish').scrollIntoViewIfNeeded()
  await shot(page, testInfo, '5-review-server-finish-refused')
  expect(await listLeads(page, id)).toEqual([])
})
