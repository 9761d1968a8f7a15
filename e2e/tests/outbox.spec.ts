import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from '@playwright/test'

// A server of its own, with email configured towards an SMTP port where nothing listens: the
// "import finished" email of a background import waits in the outbox with the real error.
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const ADMIN = { email: 'outbox-admin@example.com', password: 'outbox correct horse' }
let proc: ChildProcess | undefined
let dir: string
let url: string

async function closedPort(): Promise<number> {
  const s = createServer()
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok))
  const { port } = s.address() as { port: number }
  await new Promise((ok) => s.close(ok))
  return port
}

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'leadport-e2e-outbox-'))
  const smtpPort = await closedPort()
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/src/cli/bin.ts', 'serve', '--port', '0', '--data', dir],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        LEADPORT_DIALER: 'off',
        LEADPORT_ADMIN_EMAIL: ADMIN.email,
        LEADPORT_ADMIN_PASSWORD: ADMIN.password,
        LEADPORT_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        LEADPORT_MAIL_FROM: 'Leadport <noreply@leadport.test>',
        LEADPORT_PUBLIC_URL: 'https://leads.example.com',
      },
    },
  )
  proc = child
  url = await new Promise<string>((ok, fail) => {
    let out = ''
    child.stdout?.on('data', (d: Buffer) => {
      out += d
      const m = /listening on (http:\/\/\S+)/.exec(out)
      if (m?.[1]) ok(m[1])
    })
    child.stderr?.on('data', (d: Buffer) => {
      out += d
    })
    child.once('exit', (code) => fail(new Error(`server exited ${code}: ${out}`)))
  })
})

test.afterAll(() => {
  proc?.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

test.use({ storageState: { cookies: [], origins: [] } })

test('the admin sees the import email waiting in the outbox, with why', async ({
  page,
}, testInfo) => {
  const headers = { origin: url }
  const login = await page.request.post(`${url}/api/auth/login`, { headers, data: ADMIN })
  expect(login.status()).toBe(200)
  const campaign = await page.request.post(`${url}/api/campaigns`, {
    headers,
    data: { name: 'Outbox campaign' },
  })
  const campaignId = ((await campaign.json()) as { id: number }).id
  const file = await page.request.post(`${url}/api/imports/file`, {
    headers,
    multipart: {
      file: {
        name: 'leads.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('Name,Phone\nAyşe,+905320000001\nBora,+905320000002\n'),
      },
      options: JSON.stringify({ campaign_id: campaignId, format: { kind: 'international' } }),
    },
  })
  expect(file.status()).toBe(202)

  await page.goto(`${url}/`)
  await page.getByRole('link', { name: 'Email outbox' }).click()
  await expect(page).toHaveURL(/\/outbox$/)
  const row = page.getByTestId('outbox-table').locator('tbody tr').first()
  await expect(row).toContainText(ADMIN.email)
  await expect(row).toContainText('Import finished: Outbox campaign (2 rows, 2 added)')
  // The sender tried once and could not connect; the page says so and when it tries next.
  await expect(async () => {
    await page.reload()
    await expect(row.getByTestId('email-status')).toHaveText('Waiting')
    await expect(row).toContainText(/ECONNREFUSED|connect/i)
  }).toPass()
  await expect(page.getByTestId('mail-off')).toBeHidden()
  await expect(row.getByTestId('retry-email')).toBeHidden()
  await page.screenshot({ path: testInfo.outputPath('outbox.png'), fullPage: true })
})
