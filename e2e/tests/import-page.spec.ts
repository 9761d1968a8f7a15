import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { sameOrigin } from './same-origin.ts'

const phone = (i: number) => `+90532${String(i).padStart(7, '0')}`
const mapping = { phone_number: 1, email: null, secondary_phones: [], variables: {} }

test('the import page follows an import live, then shows its counts and report', async ({
  page,
}, testInfo) => {
  await page.goto('/')
  const headers = sameOrigin(page)
  const campaign = await page.request.post('/api/campaigns', {
    headers,
    data: { name: 'Import page' },
  })
  expect(campaign.status()).toBe(201)
  const campaignId = ((await campaign.json()) as { id: number }).id

  // An import in progress: two chunks planned, one stored.
  const created = await page.request.post('/api/imports', {
    headers,
    data: {
      campaign_id: campaignId,
      file_name: 'spring.csv',
      file_kind: 'csv',
      header: ['Name', 'Phone'],
      format: { kind: 'international' },
      mapping,
      expected_rows: 4,
      chunk_size: 2,
    },
  })
  expect(created.status()).toBe(201)
  const id = ((await created.json()) as { id: number }).id
  const put = (n: number, rows: unknown[]) =>
    page.request.put(`/api/imports/${id}/chunks/${n}`, { headers, data: { rows } })
  expect(
    (
      await put(0, [
        { row: 2, cells: ['Ayşe', phone(1)] },
        { row: 3, cells: ['Bora', 'not a phone'] },
      ])
    ).status(),
  ).toBe(200)

  await page.goto(`/imports/${id}`)
  await expect(page.getByTestId('import-title')).toHaveText('spring.csv')
  await expect(page.getByTestId('import-status')).toHaveText('Importing')
  await expect(page.getByTestId('import-progress-text')).toHaveText('2 of 4 rows · 1 of 2 chunks')
  await expect(page.getByTestId('import-running')).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('1-running.png'), fullPage: true })

  // The rest arrives and the import completes: the open page updates without a reload.
  expect(
    (
      await put(1, [
        { row: 4, cells: ['Cem', phone(1)] },
        { row: 5, cells: ['Deniz', phone(2)] },
      ])
    ).status(),
  ).toBe(200)
  expect((await page.request.post(`/api/imports/${id}/complete`, { headers })).status()).toBe(200)
  await expect(page.getByTestId('import-status')).toHaveText('Completed')
  await expect(page.getByTestId('import-progress-text')).toHaveText('4 of 4 rows · 2 of 2 chunks')
  await expect(page.getByTestId('import-running')).toBeHidden()
  await expect(page.getByTestId('count-inserted')).toContainText('2')
  await expect(page.getByTestId('count-invalid')).toContainText('1')
  await expect(page.getByTestId('count-duplicate-in-file')).toContainText('1')
  await page.screenshot({ path: testInfo.outputPath('2-completed.png'), fullPage: true })

  // The reports download with the session; the CSV names each skipped row and why.
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('report-csv').click(),
  ])
  expect(csv.suggestedFilename()).toBe(`import-${id}-skipped-rows.csv`)
  const text = readFileSync((await csv.path()) as string, 'utf8')
  expect(text).toContain('not a phone')
  expect(text).toContain('Cem')
  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('report-xlsx').click(),
  ])
  expect(xlsx.suggestedFilename()).toBe(`import-${id}-skipped-rows.xlsx`)

  // The crumbs lead back to the campaign.
  await page.getByRole('link', { name: `Campaign ${campaignId}` }).click()
  await expect(page).toHaveURL(new RegExp(`/campaigns/${campaignId}$`))

  // A missing import says so.
  await page.goto('/imports/999999')
  await expect(page.getByRole('alert')).toContainText('Import 999999 does not exist')
})
