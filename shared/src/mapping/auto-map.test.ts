import { describe, expect, it } from 'vitest'
import { autoMap } from './auto-map.ts'
import { buildTargets } from './fields.ts'

const VARIABLES = ['customer_name', 'first_name', 'last_name', 'company', 'title', 'city', 'notes']
const targets = buildTargets(VARIABLES.map((key) => ({ key, label: key, required: false })))
/** A header line as the export writes it. */
const csv = (line: string) => line.split(',')

/** Maps `headers` and returns the mapping with column indexes replaced by header names. */
function mapByName(headers: string[], t = targets, sampleRows?: string[][]) {
  const m = autoMap(headers, t, sampleRows ? { sampleRows } : {})
  const name = (i: number | null | undefined) =>
    i === null || i === undefined ? null : (headers[i] ?? null)
  const variables: Record<string, string | null> = {}
  for (const [k, v] of Object.entries(m.variables)) variables[k] = name(v)
  return {
    phone: name(m.phone_number),
    email: name(m.email),
    secondary: m.secondary_phones.map(name),
    ...variables,
  }
}

describe('CRM and contact export header sets', () => {
  it('Google Contacts (current export)', () => {
    const h = csv(
      'First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,Name Prefix,Name Suffix,Nickname,File As,Organization Name,Organization Title,Organization Department,Birthday,Notes,Photo,Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value,Address 1 - Label,Address 1 - Formatted,Address 1 - City',
    )
    expect(mapByName(h)).toMatchObject({
      phone: 'Phone 1 - Value',
      secondary: ['Phone 2 - Value'],
      email: 'E-mail 1 - Value',
      first_name: 'First Name',
      last_name: 'Last Name',
      company: 'Organization Name',
      title: 'Organization Title',
      city: 'Address 1 - City',
      notes: 'Notes',
    })
  })

  it('Google Contacts (legacy Google CSV)', () => {
    const h = csv(
      'Name,Given Name,Additional Name,Family Name,Yomi Name,Given Name Yomi,Name Prefix,Name Suffix,Initials,Nickname,Short Name,Maiden Name,Birthday,Notes,Group Membership,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,Phone 2 - Value,Organization 1 - Type,Organization 1 - Name,Organization 1 - Title',
    )
    expect(mapByName(h)).toMatchObject({
      phone: 'Phone 1 - Value',
      secondary: ['Phone 2 - Value'],
      email: 'E-mail 1 - Value',
      customer_name: 'Name',
      first_name: 'Given Name',
      last_name: 'Family Name',
      company: 'Organization 1 - Name',
      title: 'Organization 1 - Title',
    })
  })

  it('Outlook CSV: fax, pager, ISDN, TTY and telex are never phones', () => {
    const h = csv(
      "Title,First Name,Middle Name,Last Name,Suffix,Company,Department,Job Title,Business City,Assistant's Phone,Business Fax,Business Phone,Business Phone 2,Callback,Car Phone,Company Main Phone,Home Fax,Home Phone,Home Phone 2,ISDN,Mobile Phone,Other Fax,Other Phone,Pager,Radio Phone,TTY/TDD Phone,Telex,E-mail Address,E-mail Type,E-mail Display Name,E-mail 2 Address,Notes",
    )
    const m = mapByName(h)
    expect(m).toMatchObject({
      phone: 'Mobile Phone',
      email: 'E-mail Address',
      first_name: 'First Name',
      last_name: 'Last Name',
      company: 'Company',
      title: 'Job Title',
      city: 'Business City',
      notes: 'Notes',
    })
    expect(m.secondary).toEqual([
      'Business Phone',
      'Business Phone 2',
      'Home Phone',
      'Home Phone 2',
      "Assistant's Phone",
      'Callback',
      'Car Phone',
      'Company Main Phone',
      'Other Phone',
      'Radio Phone',
    ])
    const dialled = [m.phone, ...m.secondary]
    for (const never of ['Business Fax', 'Home Fax', 'Other Fax', 'Pager', 'ISDN', 'Telex']) {
      expect(dialled).not.toContain(never)
    }
    expect(dialled).not.toContain('TTY/TDD Phone')
  })

  it('Outlook "Primary Phone" is the primary when present', () => {
    expect(mapByName(['Mobile Phone', 'Primary Phone', 'Business Phone'])).toMatchObject({
      phone: 'Primary Phone',
      secondary: ['Mobile Phone', 'Business Phone'],
    })
  })

  it('Apollo: mobile first, then direct, then shared lines', () => {
    const h = csv(
      'First Name,Last Name,Title,Company,Company Name for Emails,Email,Email Status,Primary Email Source,Email Confidence,Seniority,Departments,Contact Owner,Work Direct Phone,Home Phone,Mobile Phone,Corporate Phone,Other Phone,Stage,Lists,Last Contacted,Account Owner,# Employees,Industry,Person Linkedin Url,Website,City,State,Country,Company City,Company Phone,Email Sent,Email Open,Email Bounced,Apollo Contact Id',
    )
    expect(mapByName(h)).toMatchObject({
      phone: 'Mobile Phone',
      secondary: [
        'Work Direct Phone',
        'Home Phone',
        'Corporate Phone',
        'Other Phone',
        'Company Phone',
      ],
      email: 'Email',
      first_name: 'First Name',
      last_name: 'Last Name',
      company: 'Company',
      title: 'Title',
      city: 'City',
      customer_name: null,
    })
  })

  it('HubSpot contact export', () => {
    const h = csv(
      'Record ID,First Name,Last Name,Email,Phone Number,Mobile Phone Number,Fax Number,Company Name,Job Title,Contact owner,Lifecycle Stage,City',
    )
    expect(mapByName(h)).toMatchObject({
      phone: 'Mobile Phone Number',
      secondary: ['Phone Number'],
      email: 'Email',
      company: 'Company Name',
      title: 'Job Title',
    })
  })

  it('Salesforce lead report and API names', () => {
    const report = csv(
      'Salutation,First Name,Last Name,Title,Company / Account,Phone,Mobile,Fax,Email,Lead Source,Lead Status,Lead Owner,City,State/Province',
    )
    expect(mapByName(report)).toMatchObject({
      phone: 'Mobile',
      secondary: ['Phone'],
      email: 'Email',
      company: 'Company / Account',
      title: 'Title',
      city: 'City',
    })
    const api = csv(
      'FirstName,LastName,Phone,MobilePhone,HomePhone,OtherPhone,AssistantPhone,Fax,Email,Title,Company',
    )
    expect(mapByName(api)).toMatchObject({
      phone: 'MobilePhone',
      secondary: ['Phone', 'HomePhone', 'OtherPhone', 'AssistantPhone'],
      first_name: 'FirstName',
      last_name: 'LastName',
      company: 'Company',
    })
  })

  it('Zoho CRM leads', () => {
    const h = csv(
      'Record Id,Lead Owner,Company,First Name,Last Name,Title,Email,Phone,Fax,Mobile,Website,Lead Source,Lead Status,Secondary Email,Skype ID,Next Date to Call,Time of Next Call,DNC,City,Description',
    )
    expect(mapByName(h)).toMatchObject({
      phone: 'Mobile',
      secondary: ['Phone'],
      email: 'Email',
      company: 'Company',
      notes: 'Description',
    })
  })

  it('Pipedrive people export', () => {
    const h = csv(
      'Person - ID,Person - Name,Person - First name,Person - Last name,Person - Organization,Person - Label,Person - Email - Work,Person - Email - Home,Person - Phone - Work,Person - Phone - Home,Person - Phone - Mobile,Person - Phone - Other,Person - Marketing consent phone,Person - Job title',
    )
    expect(mapByName(h)).toMatchObject({
      phone: 'Person - Phone - Mobile',
      secondary: ['Person - Phone - Work', 'Person - Phone - Home', 'Person - Phone - Other'],
      email: 'Person - Email - Work',
      customer_name: 'Person - Name',
      first_name: 'Person - First name',
      company: 'Person - Organization',
      title: 'Person - Job title',
    })
  })

  it('ZoomInfo contact export', () => {
    const h = csv(
      'ZoomInfo Contact ID,Last Name,First Name,Job Title,Direct Phone Number,Email Address,Email Domain,Mobile phone,Previous Company Name,Person City,Company Name,Company HQ Phone,Fax,Company City',
    )
    expect(mapByName(h)).toMatchObject({
      phone: 'Mobile phone',
      secondary: ['Direct Phone Number', 'Company HQ Phone'],
      email: 'Email Address',
      company: 'Company Name',
      city: 'Person City',
    })
  })

  it('Seamless.AI export: scores and validations are not values', () => {
    const h = csv(
      'First Name,Last Name,Title,Company Name,Company Name - Cleaned,Email 1,Email 1 Validation,Email 1 Total AI,Personal Email,Contact Phone 1,Contact Phone 1 Total AI,Company Phone 1,Contact Mobile Phone,Contact Location',
    )
    expect(mapByName(h)).toMatchObject({
      phone: 'Contact Mobile Phone',
      secondary: ['Contact Phone 1', 'Company Phone 1'],
      email: 'Email 1',
      company: 'Company Name',
    })
  })

  it('LinkedIn Connections.csv has no phone column', () => {
    const h = csv('First Name,Last Name,URL,Email Address,Company,Position,Connected On')
    expect(mapByName(h)).toMatchObject({
      phone: null,
      secondary: [],
      email: 'Email Address',
      company: 'Company',
      title: 'Position',
    })
  })

  it("Leadport's own sample file", () => {
    const h = ['phone_number', 'customer_name', 'company', 'secondary_phone_1', 'Mobile']
    expect(mapByName(h)).toMatchObject({
      phone: 'phone_number',
      secondary: ['Mobile', 'secondary_phone_1'],
      customer_name: 'customer_name',
      company: 'company',
    })
  })
})

describe('Turkish headers', () => {
  it('maps a typical Turkish lead list', () => {
    const h = csv(
      'Sıra No,Adı Soyadı,Firma Adı,Ünvan,Cep Telefonu,İş Telefonu,Ev Telefonu,Faks,E-posta,Şehir,Notlar',
    )
    expect(mapByName(h)).toMatchObject({
      phone: 'Cep Telefonu',
      secondary: ['İş Telefonu', 'Ev Telefonu'],
      email: 'E-posta',
      customer_name: 'Adı Soyadı',
      company: 'Firma Adı',
      title: 'Ünvan',
      city: 'Şehir',
      notes: 'Notlar',
    })
  })

  it('folds Turkish capitals and the dotless i', () => {
    expect(
      mapByName(['AD SOYAD', 'ŞİRKET', 'GSM', 'TELEFON', 'E-POSTA ADRESİ', 'İL']),
    ).toMatchObject({
      customer_name: 'AD SOYAD',
      company: 'ŞİRKET',
      phone: 'GSM',
      secondary: ['TELEFON'],
      email: 'E-POSTA ADRESİ',
      city: 'İL',
    })
    expect(mapByName(['Ad', 'Soyad', 'Telefon No', 'Şirket'])).toMatchObject({
      first_name: 'Ad',
      last_name: 'Soyad',
      phone: 'Telefon No',
      company: 'Şirket',
    })
  })

  it('gives a lone customer_name the first name when no full-name column exists', () => {
    const t = buildTargets([{ key: 'customer_name', label: 'Müşteri', required: true }])
    expect(mapByName(['İsim', 'Telefon'], t)).toMatchObject({
      customer_name: 'İsim',
      phone: 'Telefon',
    })
  })
})
