import { expect, type Page, test } from '@playwright/test'
import { sameOrigin } from './same-origin.ts'

const shot = (page: Page, path: string) => page.screenshot({ path, fullPage: true })

test('assistant, number and campaign: Start refused without leads, then leads get scheduled', async ({
  page,
}, testInfo) => {
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })

  // An assistant with one variable; the script preview fills from a sample value.
  await page.goto('/assistants')
  await expect(page.getByTestId('assistants-empty')).toBeVisible()
  await page.getByTestId('assistant-name').fill('Ayla')
  await page.getByTestId('assistant-time-zone').fill('Europe/Istanbul')
  await page.getByTestId('add-variable').click()
  await page.getByTestId('variable-label-0').fill('Customer name')
  await expect(page.getByTestId('variable-key-0')).toHaveValue('customer_name')
  await page.getByTestId('assistant-script').fill('Merhaba {{customer_name}}, {{unknown}} here.')
  await page.getByTestId('sample-customer_name').fill('<b>Ayşe</b>')
  await expect(page.getByTestId('script-preview')).toHaveText(
    'Merhaba <b>Ayşe</b>, {{unknown}} here.',
  )
  await page.getByTestId('save-assistant').click()
  await expect(page.getByTestId('assistant-error')).toContainText('{{unknown}}')
  await page.getByTestId('assistant-script').fill('Merhaba {{customer_name}}!')
  await page.getByTestId('save-assistant').click()
  await expect(page.getByTestId('assistants-table')).toContainText('customer_name')
  await shot(page, testInfo.outputPath('1-assistants.png'))

  // A caller number, typed nationally; stored as E.164.
  await page.goto('/numbers')
  await expect(page.getByTestId('numbers-empty')).toBeVisible()
  await page.getByTestId('number-phone').fill('+90 212 123 45 67')
  await page.getByTestId('number-label').fill('Istanbul office')
  await page.getByTestId('add-number').click()
  await expect(page.getByTestId('numbers-table')).toContainText('+902121234567')
  await page.getByTestId('number-phone').fill('12345')
  await page.getByTestId('add-number').click()
  await expect(page.getByTestId('number-error')).toContainText(
    '"12345" is not a valid phone number',
  )
  await shot(page, testInfo.outputPath('2-numbers.png'))

  // A campaign using both.
  await page.goto('/')
  await page.getByTestId('campaign-name').fill('Spring push')
  await page.getByTestId('create-campaign').click()
  await expect(page).toHaveURL(/\/campaigns\/\d+$/)
  const id = Number(new URL(page.url()).pathname.split('/').pop())
  await expect(page.getByTestId('campaign-status')).toHaveText('Draft')
  await page.getByTestId('setting-assistant').selectOption({ label: 'Ayla' })
  await page.getByLabel(/\+902121234567/).check()
  await page.getByTestId('setting-max_retries').fill('6')
  await page.getByTestId('save-settings').click()
  await expect(page.getByTestId('settings-error')).toHaveText(
    'Max retries must be a whole number from 1 to 5.',
  )
  await page.getByTestId('setting-max_retries').fill('4')
  await page.getByTestId('save-settings').click()
  await expect(page.getByText('Saved.')).toBeVisible()
  const saved = await (await page.request.get(`/api/campaigns/${id}`)).json()
  expect(saved).toMatchObject({ max_retries: 4, effective_time_zone: 'Europe/Istanbul' })
  expect(saved.phone_number_ids).toHaveLength(1)
  // Leads come in through the import wizard.
  await expect(page.getByTestId('import-leads')).toHaveAttribute('href', `/campaigns/${id}/import`)

  // Start is refused, naming what is missing.
  await page.getByTestId('start-campaign').click()
  await expect(page.getByTestId('lifecycle-error')).toHaveText(
    `Campaign ${id} can't start yet: add at least one lead.`,
  )
  await expect(page.getByTestId('leads-empty')).toBeVisible()
  await shot(page, testInfo.outputPath('3-start-refused.png'))

  // Leads through the API: created while the campaign is a draft.
  const res = await page.request.post(`/api/campaigns/${id}/leads`, {
    headers: { ...sameOrigin(page), 'idempotency-key': `e2e-${id}` },
    data: {
      leads: [
        { phone_number: '+905321234567', variables: { customer_name: 'Ayşe' } },
        { phone_number: '+12133734253', variables: { customer_name: 'Jane' } },
      ],
    },
  })
  expect(res.status()).toBe(200)
  await page.reload()
  const table = page.getByTestId('leads-table')
  await expect(table.getByTestId('lead-status')).toHaveText(['Created', 'Created'])
  await page.getByTestId('start-campaign').click()
  await expect(page.getByTestId('campaign-status')).toHaveText('In progress')
  await expect(table.getByTestId('lead-status')).toHaveText(['Scheduled', 'Scheduled'])
  await expect(page.getByTestId('lifecycle-error')).toHaveCount(0)

  // A lead posted while in progress is scheduled at once: no restart.
  await page.request.post(`/api/campaigns/${id}/leads`, {
    headers: sameOrigin(page),
    data: { phone_number: '+447911123456', variables: { customer_name: 'Late Lee' } },
  })
  await page.reload()
  await expect(page.getByTestId('lead-+447911123456').getByTestId('lead-status')).toHaveText(
    'Scheduled',
  )
  await expect(page.getByTestId('lead-total')).toHaveText('3')
  await page.getByTestId('lead-search').fill('+44')
  await expect(table.getByTestId('lead-status')).toHaveCount(1)
  await page.getByTestId('lead-search').fill('')
  await expect(table.getByTestId('lead-status')).toHaveCount(3)
  await shot(page, testInfo.outputPath('4-scheduled.png'))

  await page.getByTestId('pause-campaign').click()
  await expect(page.getByTestId('campaign-status')).toHaveText('Paused')
  await page.goto('/')
  await expect(page.getByTestId(`campaign-row-${id}`)).toContainText('Scheduled 3')
  await shot(page, testInfo.outputPath('5-campaigns.png'))
  expect(dialogs).toEqual([])
})

test('the API docs page is served by the app and lists the operations', async ({
  page,
}, testInfo) => {
  const external: string[] = []
  page.on('request', (r) => {
    if (!r.url().startsWith('http://127.0.0.1')) external.push(r.url())
  })
  await page.goto('/api/docs')
  await expect(page.locator('[data-op="POST /api/campaigns/{id}/leads"]')).toBeVisible()
  await page.locator('[data-op="POST /api/campaigns/{id}/leads"] summary').click()
  await expect(page.getByText('Idempotency-Key', { exact: true })).toBeVisible()
  await shot(page, testInfo.outputPath('6-docs.png'))
  expect(external).toEqual([])
})
