import { expect, type Page, test } from '@playwright/test'
import { sameOrigin } from './same-origin.ts'

const shot = (page: Page, path: string) => page.screenshot({ path, fullPage: true })

test('do-not-call list: add, upload, search, remove; listed leads are suppressed', async ({
  page,
}, testInfo) => {
  page.on('dialog', (d) => void d.accept())
  await page.goto('/do-not-call')
  // A lead waiting in a campaign, to watch it become "Do not call".
  const campaign = await (
    await page.request.post('/api/campaigns', {
      headers: sameOrigin(page),
      data: { name: 'DNC check' },
    })
  ).json()
  await page.request.post(`/api/campaigns/${campaign.id}/leads`, {
    headers: sameOrigin(page),
    data: { leads: [{ phone_number: '+905449876543' }, { phone_number: '+905449876544' }] },
  })

  await page.getByRole('link', { name: 'Do not call' }).click()
  await expect(page.getByTestId('dnc-empty')).toBeVisible()
  await page.getByTestId('dnc-numbers').fill('0544 987 65 43\n12')
  await page.getByTestId('dnc-country').selectOption('TR')
  await page.getByTestId('dnc-reason').fill('Asked on the phone')
  await page.getByTestId('dnc-add').click()
  await expect(page.getByTestId('dnc-add-result')).toContainText('Added 1')
  await expect(page.getByTestId('dnc-add-result')).toContainText(
    '1 waiting leads will not be called',
  )
  await expect(page.getByTestId('dnc-add-invalid')).toContainText('"12"')
  await expect(page.getByTestId('dnc-+905449876543')).toContainText('Asked on the phone')

  // A file with a phone column among others, one bad row.
  await page.getByTestId('dnc-file').setInputFiles({
    name: 'opt-out.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Name,Mobile Phone\nAyşe,+12133734250\nBad,+1 555\nVeli,+447400123456\n'),
  })
  await page.getByTestId('dnc-upload').click()
  await expect(page.getByTestId('dnc-upload-result')).toContainText('3 rows: added 2')
  await expect(page.getByTestId('dnc-upload-result')).toContainText('Row 3:')
  await expect(page.getByTestId('dnc-table').locator('tbody tr')).toHaveCount(3)

  // A file that is not a lead file: a clear message.
  await page.getByTestId('dnc-file').setInputFiles({
    name: 'notes.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('name,city\nAyşe,İzmir\n'),
  })
  await page.getByTestId('dnc-upload').click()
  await expect(page.getByTestId('dnc-upload-error')).toContainText('No column holds phone numbers')

  await page.getByTestId('dnc-search').fill('+1213')
  await expect(page.getByTestId('dnc-table').locator('tbody tr')).toHaveCount(1)
  await page.getByTestId('dnc-remove-+12133734250').click()
  await expect(page.getByTestId('dnc-empty')).toContainText('No listed number matches')
  await page.getByTestId('dnc-search').fill('')
  await expect(page.getByTestId('dnc-table').locator('tbody tr')).toHaveCount(2)
  await shot(page, testInfo.outputPath('do-not-call.png'))

  await page.goto(`/campaigns/${campaign.id}`)
  await expect(page.getByTestId('lead-+905449876543').getByTestId('lead-status')).toHaveText(
    'Do not call',
  )
  await expect(page.getByTestId('lead-+905449876544').getByTestId('lead-status')).toHaveText(
    'Created',
  )
})
