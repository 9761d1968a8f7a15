import { expect, type Page, test } from '@playwright/test'

// The simulator server of playwright.config.ts (calls 20x faster, seeded): its own database, so
// this test signs in to it itself and never shares the main server's cookie.
const DIALER = process.env.E2E_DIALER_URL as string
test.use({ baseURL: DIALER, storageState: { cookies: [], origins: [] } })

const shot = (page: Page, path: string) => page.screenshot({ path, fullPage: true })

async function post(page: Page, path: string, data: unknown) {
  const res = await page.request.post(path, { headers: { origin: DIALER }, data })
  expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300)
  return res.json()
}

test('a started campaign is dialled on the simulator: leads end completed or max_retries', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000)
  await post(page, '/api/auth/login', {
    email: process.env.E2E_ADMIN_EMAIL,
    password: process.env.E2E_ADMIN_PASSWORD,
  })
  const assistant = await post(page, '/api/assistants', {
    name: 'Sim',
    variables: [],
    script: 'Hello',
    time_zone: 'Europe/Istanbul',
  })
  const caller = await post(page, '/api/phone-numbers', { phone_number: '+902121234567' })
  // Around the clock, one round per lead: no answer, busy or failed ends a lead at max_retries.
  const campaign = await post(page, '/api/campaigns', {
    name: 'Simulated calls',
    assistant_id: assistant.id,
    phone_number_ids: [caller.id],
    max_retries: 1,
    parallel_calls: 2,
  })
  const phones = Array.from({ length: 16 }, (_, i) => `+9053212345${String(10 + i)}`)
  await post(page, `/api/campaigns/${campaign.id}/leads`, {
    leads: phones.map((phone_number) => ({ phone_number })),
  })

  await page.goto(`/campaigns/${campaign.id}`)
  await expect(page.getByTestId('campaign-status')).toHaveText('Draft')
  await expect(page.getByTestId('live-calls-empty')).toBeVisible()
  await page.getByTestId('start-campaign').click()
  await expect(page.getByTestId('campaign-status')).toHaveText('In progress')
  // Calls show up while they ring (never more than the 2 parallel calls)...
  await expect(page.getByTestId('live-calls')).toBeVisible({ timeout: 10_000 })
  const live = await page.getByTestId('live-calls').locator('tbody tr').count()
  expect(live).toBeGreaterThan(0)
  expect(live).toBeLessThanOrEqual(2)
  await shot(page, testInfo.outputPath('1-calling.png'))

  // ...and every lead reaches an end state; the campaign completes by itself.
  await expect(page.getByTestId('campaign-status')).toHaveText('Completed', { timeout: 60_000 })
  const statuses = page.getByTestId('lead-status')
  await expect(statuses).toHaveCount(16)
  const texts = await statuses.allTextContents()
  expect(texts.filter((t) => t === 'Completed').length).toBeGreaterThan(0)
  expect(texts.filter((t) => t === 'Max retries').length).toBeGreaterThan(0)
  expect(texts.filter((t) => t !== 'Completed' && t !== 'Max retries')).toEqual([])
  await expect(page.getByTestId('live-calls-empty')).toBeVisible()

  // The chart: the last column holds all 16 leads, and 16 calls ended.
  await expect(page.getByTestId('chart-leads')).toBeVisible()
  const done = Number(
    await page.getByTestId('legend-leads-completed').locator('strong').textContent(),
  )
  const maxed = Number(
    await page.getByTestId('legend-leads-max_retries').locator('strong').textContent(),
  )
  expect(done + maxed).toBe(16)
  expect(done).toBe(texts.filter((t) => t === 'Completed').length)
  const calls = await page.getByTestId('legend-calls').locator('strong').allTextContents()
  expect(calls.reduce((n, t) => n + Number(t), 0)).toBe(16)

  // A lead's attempts: one call, with its outcome.
  const row = page.getByTestId(`lead-${phones[0]}`)
  await row.getByTestId('lead-attempts-toggle').click()
  await expect(page.getByTestId('lead-attempts')).toContainText(phones[0] as string)
  await expect(page.getByTestId('attempt-row')).toHaveCount(1)
  await expect(page.getByTestId('attempt-outcome')).toHaveText(
    /^(completed|no answer|busy|voicemail|failed)$/,
  )
  await shot(page, testInfo.outputPath('2-completed.png'))
})
