import { expect, type Page, test } from '@playwright/test'
import { createCampaign, next, shot } from '../fixtures/wizard.ts'

const ROWS = 30_000 // six chunks of 5,000

function bigCsv(): Buffer {
  const lines = ['name,phone']
  for (let i = 0; i < ROWS; i++)
    lines.push(`Lead ${i},+90532${String(1_000_000 + i).padStart(7, '0')}`)
  return Buffer.from(`${lines.join('\n')}\n`)
}

async function campaignLeadTotal(page: Page, id: number): Promise<number> {
  const r = await page.request.get(`/api/campaigns/${id}`)
  const c = (await r.json()) as { lead_counts: Record<string, number> }
  return Object.values(c.lead_counts).reduce((a, b) => a + b, 0)
}

test('an upload survives a network failure and a page reload, to exact counts', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000)
  const id = await createCampaign(page, 'Resume upload')
  // Slow every chunk down, and fail the first attempt at chunk 1 as a dropped connection would.
  let failedOnce = false
  const sent: string[] = []
  await page.route(/\/api\/imports\/\d+\/chunks\/\d+$/, async (route) => {
    const n = route.request().url().split('/').pop() as string
    sent.push(n)
    if (n === '1' && !failedOnce) {
      failedOnce = true
      return route.abort('connectionreset')
    }
    // Staggered: the uploader sends several chunks at once, and they must land one by one.
    await new Promise((r) => setTimeout(r, 1_500 * (1 + Number(n))))
    return route.continue()
  })

  await page.goto(`/campaigns/${id}/import`)
  await page.getByTestId('import-file-input').setInputFiles({
    name: 'big.csv',
    mimeType: 'text/csv',
    buffer: bigCsv(),
  })
  await next(page)
  await next(page)
  await next(page)
  await expect(page.getByTestId('review-ready')).toBeVisible({ timeout: 60_000 })
  await page.getByRole('button', { name: 'Upload 30,000 leads' }).click()

  // Reload once two chunks are stored (the others are still on their way or not sent).
  await expect(page.getByTestId('upload-status')).toContainText(
    /([1-9][0-9],000|[2-9],000|10,000) of 30,000 rows stored/,
    {
      timeout: 60_000,
    },
  )
  await shot(page, testInfo, '6-upload-progress')
  const before = await campaignLeadTotal(page, id)
  expect(before).toBeGreaterThanOrEqual(5_000)
  expect(before).toBeLessThan(ROWS)
  await page.reload()

  const banner = page.getByTestId('resume-banner')
  await expect(banner).toContainText('big.csv')
  await shot(page, testInfo, '1-resume-offer')
  sent.length = 0
  await banner.getByRole('button', { name: 'Resume upload' }).click()
  await expect(page.getByTestId('upload-done')).toBeVisible({ timeout: 90_000 })
  await expect(page.getByTestId('result-inserted')).toHaveText('30,000')
  await expect(page.getByTestId('result-dup-file')).toHaveText('0')
  await expect(page.getByTestId('result-dup-campaign')).toHaveText('0')
  await shot(page, testInfo, '7-result-resumed')
  // Only the chunks the server did not have were sent after the reload.
  expect(sent.length).toBeLessThanOrEqual(6 - Math.floor(before / 5_000))
  expect(await campaignLeadTotal(page, id)).toBe(ROWS)

  // Nothing is left to resume.
  await page.goto(`/campaigns/${id}/import`)
  await expect(page.getByTestId('import-file-input')).toBeAttached()
  await expect(page.getByTestId('resume-banner')).toHaveCount(0)
})

test('cancel, then a server that stays unreachable: the upload stops, and resumes to exact counts', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000)
  const id = await createCampaign(page, 'Cancel and offline')
  let offline = false
  await page.route(/\/api\/imports\/\d+\/chunks\/\d+$/, async (route) => {
    if (offline) return route.abort('internetdisconnected')
    const n = Number(route.request().url().split('/').pop())
    await new Promise((r) => setTimeout(r, 1_000 * (1 + n)))
    return route.continue()
  })
  await page.goto(`/campaigns/${id}/import`)
  await page.getByTestId('import-file-input').setInputFiles({
    name: 'big.csv',
    mimeType: 'text/csv',
    buffer: bigCsv(),
  })
  await next(page)
  await next(page)
  await next(page)
  await expect(page.getByTestId('review-ready')).toBeVisible({ timeout: 60_000 })
  await page.getByRole('button', { name: 'Upload 30,000 leads' }).click()
  const status = page.getByTestId('upload-status')
  await expect(status).toContainText(/[1-9][0-9,]* of 30,000 rows stored/, { timeout: 60_000 })
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByText('Upload stopped.')).toBeVisible()
  await shot(page, testInfo, '6-upload-cancelled')

  // The network goes away: the uploader retries, then stops and says so.
  offline = true
  await page.getByRole('button', { name: 'Resume upload' }).click()
  await expect(page.getByTestId('upload-failed')).toBeVisible({ timeout: 90_000 })
  await shot(page, testInfo, '6-upload-failed')
  offline = false
  await page.getByRole('button', { name: 'Resume upload' }).click()
  await expect(page.getByTestId('upload-done')).toBeVisible({ timeout: 90_000 })
  await expect(page.getByTestId('result-inserted')).toHaveText('30,000')
  expect(await campaignLeadTotal(page, id)).toBe(ROWS)
})
