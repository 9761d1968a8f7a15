import { expect, test } from '@playwright/test'
import { addLeads, countOf, createCampaign, next, shot } from '../fixtures/wizard.ts'

test('a number the campaign already has is shown, with its lead status, before upload', async ({
  page,
}, testInfo) => {
  const id = await createCampaign(page, 'Campaign duplicates')
  await addLeads(page, id, ['+905321234567'])
  await page.goto(`/campaigns/${id}/import`)
  await page.getByTestId('import-file-input').setInputFiles({
    name: 'again.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('phone,name\n+90 532 123 45 67,Already there\n+90 555 765 43 21,New one\n'),
  })
  await next(page)
  await next(page)
  await next(page)
  await expect(page.getByTestId('campaign-check')).toContainText('Checked against')
  expect(await countOf(page, 'count-in-campaign')).toBe(1)
  expect(await countOf(page, 'count-valid')).toBe(1)
  const row = page.getByTestId('review-grid').getByTestId('grid-row')
  await expect(row).toHaveCount(1)
  await expect(row).toContainText('DUPLICATE_IN_CAMPAIGN')
  await expect(row.getByTestId('in-campaign-status')).toContainText('created')
  await shot(page, testInfo, '5-review-in-campaign')
  await page.getByRole('button', { name: 'Upload 1 lead' }).click()
  await expect(page.getByTestId('result-inserted')).toHaveText('1', { timeout: 30_000 })
  await expect(page.getByTestId('result-dup-campaign')).toHaveText('1')
})
