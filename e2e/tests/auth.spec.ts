import { expect, type Page, test } from '@playwright/test'

const shot = (page: Page, path: string) => page.screenshot({ path, fullPage: true })
const ADMIN = {
  email: process.env.E2E_ADMIN_EMAIL as string,
  password: process.env.E2E_ADMIN_PASSWORD as string,
}

async function signIn(page: Page, email: string, password: string) {
  await page.getByTestId('login-email').fill(email)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-submit').click()
}

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } })

  test('every page asks to sign in; a wrong password is refused; then the app opens', async ({
    page,
  }, testInfo) => {
    await page.goto('/campaigns/1000')
    await expect(page.getByTestId('login-form')).toBeVisible()
    await signIn(page, ADMIN.email, 'not the password')
    await expect(page.getByTestId('login-error')).toHaveText('Wrong email or password.')
    await shot(page, testInfo.outputPath('1-login.png'))
    await signIn(page, ADMIN.email, ADMIN.password)
    await expect(page.getByTestId('whoami')).toHaveText(ADMIN.email)
    const cookies = await page.context().cookies()
    expect(cookies.find((c) => c.name === 'leadport_session')).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
    })
    await page.getByTestId('logout').click()
    await expect(page.getByTestId('login-form')).toBeVisible()
    expect((await page.request.get('/api/campaigns')).status()).toBe(401)
  })

  test('first run: the setup page creates the admin with the printed setup code', async ({
    page,
  }, testInfo) => {
    await page.goto(process.env.E2E_SETUP_URL as string)
    await expect(page.getByTestId('setup-form')).toBeVisible()
    await page.getByTestId('setup-code').fill('wrong')
    await page.getByTestId('setup-name').fill('Ayşe Admin')
    await page.getByTestId('setup-email').fill('ayse@example.com')
    await page.getByTestId('setup-password').fill('a long enough password')
    await page.getByTestId('setup-submit').click()
    await expect(page.getByTestId('setup-error')).toContainText('Wrong setup code')
    await page.getByTestId('setup-code').fill('e2e-setup-code')
    await shot(page, testInfo.outputPath('2-setup.png'))
    await page.getByTestId('setup-submit').click()
    await expect(page.getByTestId('whoami')).toHaveText('ayse@example.com')
    await page.goto(`${process.env.E2E_SETUP_URL}/members`)
    await expect(page.getByTestId('member-ayse@example.com')).toContainText('Admin')
  })
})

test('the admin adds a member who signs in, then removes them', async ({
  page,
  browser,
}, testInfo) => {
  await page.goto('/members')
  await page.getByTestId('member-name').fill('<img src=x onerror=alert(1)> Jane')
  await page.getByTestId('member-email').fill('jane@example.com')
  await page.getByTestId('member-password').fill('jane correct horse')
  await page.getByTestId('add-member').click()
  const row = page.getByTestId('member-jane@example.com')
  await expect(row).toContainText('<img src=x onerror=alert(1)> Jane')
  await expect(row).toContainText('Member')
  await shot(page, testInfo.outputPath('3-members.png'))

  const jane = await browser.newContext({ storageState: { cookies: [], origins: [] } })
  const janePage = await jane.newPage()
  await janePage.goto(new URL('/', page.url()).href)
  await signIn(janePage, 'jane@example.com', 'jane correct horse')
  await expect(janePage.getByTestId('whoami')).toHaveText('jane@example.com')
  await janePage.goto(new URL('/members', page.url()).href)
  await expect(janePage.getByTestId('members-table')).toBeVisible()
  await expect(janePage.getByTestId('member-form')).toHaveCount(0)

  await page.getByTestId('remove-jane@example.com').click()
  await expect(row).toHaveCount(0)
  await janePage.reload()
  await expect(janePage.getByTestId('login-form')).toBeVisible()
  await jane.close()
})

test('API keys: created and shown once, copied, used by a CRM, last use shown, revoked', async ({
  page,
  context,
  playwright,
}, testInfo) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto('/api-keys')
  await page.getByTestId('key-name').fill('HubSpot <sync>')
  await page.getByTestId('create-key').click()
  const value = page.getByTestId('new-key-value')
  await expect(value).toHaveValue(/^lp_[0-9a-f]{12}_[\w-]{43}$/)
  const key = await value.inputValue()
  await page.getByTestId('copy-key').click()
  await expect(page.getByTestId('copy-key')).toHaveText('Copied')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key)
  await shot(page, testInfo.outputPath('4-new-key.png'))

  // A CRM: no cookie, only the key.
  const crm = await playwright.request.newContext({
    baseURL: new URL('/', page.url()).origin,
    storageState: { cookies: [], origins: [] },
  })
  expect((await crm.get('/api/campaigns')).status()).toBe(401)
  const auth = { authorization: `Bearer ${key}` }
  expect((await crm.get('/api/campaigns', { headers: auth })).status()).toBe(200)

  await page.reload()
  await expect(page.getByTestId('new-key')).toHaveCount(0)
  await expect(page.getByText(key)).toHaveCount(0)
  const row = page.getByRole('row', { name: /HubSpot <sync>/ })
  await expect(row.getByTestId('key-last-used')).not.toHaveText('Never')
  await shot(page, testInfo.outputPath('5-keys.png'))
  await row.getByRole('button', { name: 'Revoke HubSpot <sync>' }).click()
  await expect(row).toHaveCount(0)
  expect((await crm.get('/api/campaigns', { headers: auth })).status()).toBe(401)
  await crm.dispose()
})
