import { expect, test } from '@playwright/test'
import { countOf, createCampaign, listLeads, next, shot } from '../fixtures/wizard.ts'

// Windows-1254 bytes of the Turkish letters ASCII lacks (the rest of the text is ASCII).
const CP1254: Record<string, number> = {
  Ç: 0xc7,
  ç: 0xe7,
  Ğ: 0xd0,
  ğ: 0xf0,
  İ: 0xdd,
  ı: 0xfd,
  Ö: 0xd6,
  ö: 0xf6,
  Ş: 0xde,
  ş: 0xfe,
  Ü: 0xdc,
  ü: 0xfc,
}

function encode1254(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => {
      const b = CP1254[ch] ?? ch.charCodeAt(0)
      if (b > 0xff) throw new Error(`no Windows-1254 byte for ${ch}`)
      return b
    }),
  )
}

// What Turkish Excel writes for "CSV (semicolon delimited)": Windows-1254, `;`, CRLF.
const CSV = [
  'Ad Soyad;Şirket;Cep Telefonu',
  'Şükrü Çağlayan;Örnek Gıda A.Ş.;0532 123 45 67',
  'Ayşe Yılmaz;İstanbul Ağ Hizmetleri;0555 765 43 21',
  'Ömer Işık;Güneş Ltd.;0212 555 12 34',
  '',
].join('\r\n')

test('a Windows-1254 semicolon CSV from Turkish Excel', async ({ page }, testInfo) => {
  const id = await createCampaign(page, 'Turkish Excel')
  await page.goto(`/campaigns/${id}/import`)
  await page.getByTestId('import-file-input').setInputFiles({
    name: 'musteriler.csv',
    mimeType: 'text/csv',
    buffer: encode1254(CSV),
  })
  const encoding = page.getByTestId('read-encoding')
  await expect(encoding).toHaveValue('windows-1254')
  await expect(page.getByTestId('read-delimiter')).toHaveValue(';')
  const preview = page.getByTestId('read-preview')
  await expect(preview).toContainText('Şükrü Çağlayan')
  await expect(preview).toContainText('İstanbul Ağ Hizmetleri')
  await shot(page, testInfo, '2-read-1254')

  // Live preview: as Western European text the same bytes read wrong; back to Turkish.
  await encoding.selectOption('windows-1252')
  await expect(preview).toContainText('Þükrü Çaðlayan')
  await shot(page, testInfo, '2-read-as-1252')
  await encoding.selectOption('windows-1254')
  await expect(preview).toContainText('Şükrü Çağlayan')
  await next(page)

  await expect(page.getByTestId('map-col-2')).toHaveValue('phone_number')
  await next(page)
  await page.getByTestId('format-national').check()
  await page.getByTestId('format-country-search').fill('+90')
  await page.getByTestId('format-country').selectOption('TR')
  await expect(page.getByTestId('mapped-preview')).toContainText('+902125551234')
  await next(page)
  await expect(page.getByTestId('review-ready')).toBeVisible({ timeout: 30_000 })
  expect(await countOf(page, 'count-valid')).toBe(3)
  await page.getByRole('button', { name: 'Upload 3 leads' }).click()
  await expect(page.getByTestId('result-inserted')).toHaveText('3', { timeout: 30_000 })
  await shot(page, testInfo, '7-result-1254')
  const leads = await listLeads(page, id)
  const byPhone = new Map(leads.map((l) => [l.phone_e164, l.variables]))
  expect(byPhone.get('+905321234567')).toMatchObject({
    customer_name: 'Şükrü Çağlayan',
    company: 'Örnek Gıda A.Ş.',
  })
  expect(byPhone.get('+902125551234')).toMatchObject({ customer_name: 'Ömer Işık' })
})
