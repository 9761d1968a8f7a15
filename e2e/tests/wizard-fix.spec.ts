import { expect, test } from '@playwright/test'
import { countOf, createCampaign, listLeads, next, shot } from '../fixtures/wizard.ts'

const CSV = [
  'name,company,phone',
  'Good One,Acme,+90 532 100 00 01',
  // A letter O typed for a zero, three times: fixed by one find and replace.
  'Letter A,Acme,+9O 532 100 00 02',
  'Letter B,Acme,+9O 532 100 00 03',
  'Letter C,Acme,+9O 532 100 00 04',
  // Too short: fixed inline, in the grid.
  'Short,Acme,+90 532 100 00',
  // National numbers in an international file: fixed by applying a country to the rows.
  'National A,Acme,0532 100 00 06',
  'National B,Acme,0532 100 00 07',
  // Hopeless: deleted with every row that has its issue.
  'No number,Acme,',
  '',
].join('\n')

test('bad rows fixed inline and in bulk before upload', async ({ page }, testInfo) => {
  const id = await createCampaign(page, 'Fix rows')
  await page.goto(`/campaigns/${id}/import`)
  await page.getByTestId('import-file-input').setInputFiles({
    name: 'fix.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(CSV),
  })
  await next(page)
  await next(page)
  await next(page)
  await expect(page.getByTestId('review-ready')).toBeVisible({ timeout: 30_000 })
  expect(await countOf(page, 'count-rows')).toBe(8)
  expect(await countOf(page, 'count-valid')).toBe(1)
  expect(await countOf(page, 'count-invalid')).toBe(7)
  const grid = page.getByTestId('review-grid')
  await expect(grid.getByTestId('grid-row')).toHaveCount(7)
  await shot(page, testInfo, '5-review-before')

  // Find and replace in the phone column of the shown rows.
  await page.getByTestId('replace-column').selectOption({ label: 'phone' })
  await page.getByTestId('replace-find').fill('O')
  await page.getByTestId('replace-with').fill('0')
  await page.getByRole('button', { name: /^Replace in 7 shown rows$/ }).click()
  await expect(page.getByTestId('bulk-message')).toHaveText('Replaced in 3 rows.')
  await expect.poll(() => countOf(page, 'count-valid')).toBe(4)
  await expect(grid.getByTestId('grid-row')).toHaveCount(4)

  // Inline: keyboard to the phone cell of the short number, Enter, type, Enter.
  const shortRow = grid.getByTestId('grid-row').filter({ hasText: 'Short' })
  await shortRow.locator('td').nth(1).click()
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Enter')
  const editor = page.getByTestId('cell-editor')
  await expect(editor).toHaveValue('+90 532 100 00')
  // Escape leaves the cell as it was.
  await editor.fill('nonsense')
  await page.keyboard.press('Escape')
  await expect(editor).toHaveCount(0)
  await expect(shortRow).toContainText('+90 532 100 00')
  await page.keyboard.press('Enter')
  await page.getByTestId('cell-editor').fill('+90 532 100 00 05')
  await page.keyboard.press('Enter')
  await expect(shortRow).toContainText('Fixed')
  await expect.poll(() => countOf(page, 'count-valid')).toBe(5)
  await shot(page, testInfo, '5-review-inline-fixed')

  // A country for the selected rows.
  for (const name of ['National A', 'National B']) {
    await grid.getByTestId('grid-row').filter({ hasText: name }).getByRole('checkbox').check()
  }
  await page.getByText('Apply a country to their numbers').click()
  await page.getByTestId('bulk-country-search').fill('TR')
  await page.getByRole('button', { name: 'Apply TR to selected' }).click()
  await expect(page.getByTestId('bulk-message')).toContainText('2 of 2 numbers')
  await expect.poll(() => countOf(page, 'count-valid')).toBe(7)

  // Every row without a number goes.
  await page.getByTestId('delete-code').selectOption('PHONE_MISSING')
  await page.getByRole('button', { name: 'Delete these rows' }).click()
  await expect.poll(() => countOf(page, 'count-deleted')).toBe(1)
  expect(await countOf(page, 'count-invalid')).toBe(0)
  await shot(page, testInfo, '5-review-all-fixed')

  await page.getByRole('button', { name: 'Upload 7 leads' }).click()
  await expect(page.getByTestId('upload-done')).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('result-inserted')).toHaveText('7', { timeout: 30_000 })
  await expect(page.getByTestId('result-invalid')).toHaveText('0')
  await expect(page.getByTestId('result-skipped')).toHaveText('1')
  await shot(page, testInfo, '7-result-fixed')
  const phones = (await listLeads(page, id)).map((l) => l.phone_e164).sort()
  expect(phones).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `+90532100000${n}`))
})
