/**
 * Header synonyms, as written in real files. Matching folds case, diacritics, punctuation and
 * Turkish dotted/dotless i (see `normalize.ts`), so `E-mail Address`, `e_mail_address` and
 * `EmailAddress` are one entry. Order matters: when two columns match one target exactly,
 * the synonym listed first wins (so `Company` beats `Company Name for Emails`).
 *
 * Export header sets were checked against public material (code corpus excerpts of parsers and
 * fixtures, vendor pages); the source is noted beside each list. "verified" = seen verbatim.
 */

/**
 * Phone columns. Which one becomes the primary number is decided by words in the header
 * (`phone-columns.ts`), not by this list; the list is for exact recognition of headers that
 * carry no generic phone word (`GSM`, `Callback`) and documents what real exports use.
 * - Google Contacts (current export, verified in several public fixtures, e.g. golden tests of
 *   `First Name,Middle Name,Last Name,Phonetic First Name,…,Phone 1 - Label,Phone 1 - Value`):
 *   `Phone 1 - Value` … `Phone N - Value` (the `- Label` twin holds "Mobile"/"Work": not a number).
 *   Legacy Google CSV: `Phone 1 - Type` / `Phone 1 - Value`.
 * - Outlook CSV (michalbe/csv2vcard README schema; spstechnical.com/outlook_contacts_schema.htm):
 *   `Mobile Phone`, `Business Phone`, `Business Phone 2`, `Home Phone`, `Home Phone 2`,
 *   `Primary Phone`, `Other Phone`, `Company Main Phone`, `Assistant's Phone`, `Callback`,
 *   `Car Phone`, `Radio Phone` (and `Business Fax`, `Home Fax`, `Other Fax`, `Pager`, `ISDN`,
 *   `TTY/TDD Phone`, `Telex`, which are never dialled).
 * - Apollo (contact export parsers in the code corpus): `Mobile Phone`, `Work Direct Phone`,
 *   `Corporate Phone`, `Home Phone`, `Other Phone`, `Company Phone`.
 * - HubSpot contact export (BasyirSheersComputer/leads, HubSpot template): `Phone Number`,
 *   `Mobile Phone Number`; API names `phone`, `mobilephone`, `fax` (panoratech/Panora types).
 * - Salesforce (apptsunami/cloudenterprise lead import columns; Lead_Salesforce data extension):
 *   `Phone`, `Mobile`, `Fax`; API names `Phone`, `MobilePhone`, `HomePhone`, `OtherPhone`,
 *   `AssistantPhone`.
 * - Zoho CRM Leads (Jkthompson82/zoho-deluge-library field labels): `Phone`, `Mobile`, `Fax`.
 * - Pipedrive people export (several parsers): `Person - Phone`, `Person - Phone - Work`,
 *   `Person - Phone - Mobile`, `Person - Phone - Home`, `Person - Phone - Other`.
 * - ZoomInfo contact export (header list in a public import tool): `Direct Phone Number`,
 *   `Mobile phone`, `Company HQ Phone`, `Fax`.
 * - Seamless.AI export (public fixtures): `Contact Phone 1`, `Contact Mobile Phone`,
 *   `Company Phone 1` (and `Contact Phone 1 Total AI`, a score, not a number).
 * - Lusha (info.lusha.com CSV enrichment article): adds "direct dial" and "mobile phone"
 *   columns; exact export headers not confirmed, covered by the generic words.
 * - Turkish: Telefon, Telefon No, Telefon Numarası, Cep Telefonu, Cep Tel., Cep No, GSM,
 *   İş Telefonu, Ev Telefonu, Sabit Telefon, Diğer Telefon (common Turkish spreadsheet usage).
 */
export const PHONE_SYNONYMS = [
  'phone_number',
  'phone',
  'phone number',
  'telephone',
  'telephone number',
  'tel',
  'tel no',
  'mobile',
  'mobile phone',
  'mobile number',
  'mobile phone number',
  'cell',
  'cell phone',
  'cellphone',
  'cell number',
  'gsm',
  'gsm no',
  'whatsapp',
  'whatsapp number',
  'contact number',
  'direct dial',
  'direct phone',
  'direct phone number',
  'work direct phone',
  'work phone',
  'business phone',
  'office phone',
  'home phone',
  'primary phone',
  'other phone',
  'corporate phone',
  'company phone',
  'company main phone',
  'company hq phone',
  'assistant phone',
  'car phone',
  'radio phone',
  'callback',
  'landline',
  'secondary phone',
  'alternate phone',
  'telefon',
  'telefon no',
  'telefon numarasi',
  'tel numarasi',
  'cep',
  'cep telefonu',
  'cep tel',
  'cep no',
  'cep numarasi',
  'gsm numarasi',
  'is telefonu',
  'ev telefonu',
  'sabit telefon',
  'diger telefon',
  'iletisim numarasi',
] as const

/**
 * Email. Google: `E-mail 1 - Value` (legacy `E-mail 1 - Type` is a label). Outlook:
 * `E-mail Address`, `E-mail 2 Address` (`E-mail Type`, `E-mail Display Name` are not addresses).
 * Apollo: `Email` (`Email Status`, `Email Confidence`, `Email Sent` are not). ZoomInfo:
 * `Email Address` (`Email Domain` is not). LinkedIn Connections.csv: `Email Address`.
 * Pipedrive: `Person - Email - Work`/`- Home`/`- Other`. Seamless.AI: `Email 1`,
 * `Personal Email`. Zoho: `Email`, `Secondary Email`. Turkish: E-posta, E-posta Adresi, Mail.
 */
export const EMAIL_SYNONYMS = [
  'email',
  'email address',
  'emails',
  'mail',
  'mail address',
  'work email',
  'business email',
  'primary email',
  'eposta',
  'eposta adresi',
  'mail adresi',
  'elektronik posta',
  'personal email',
  'home email',
  'other email',
  'secondary email',
] as const

/**
 * Full name. Legacy Google CSV: `Name`; Pipedrive: `Person - Name`; Google/Outlook `File As`
 * is a display name but often "Last, First" so it is not listed. Turkish: Ad Soyad, Adı Soyadı,
 * İsim Soyisim, Müşteri, Müşteri Adı. First-name headers come last so that a campaign that only
 * greets by `customer_name` still gets a name from a file that splits first and last names.
 */
export const FULL_NAME_SYNONYMS = [
  'name',
  'full name',
  'fullname',
  'contact name',
  'customer name',
  'client name',
  'lead name',
  'person name',
  'display name',
  'ad soyad',
  'adi soyadi',
  'ad soyadi',
  'isim soyisim',
  'isim soyad',
  'musteri',
  'musteri adi',
  'musteri adi soyadi',
  'yetkili',
  'yetkili adi',
  'first name',
  'given name',
  'isim',
  'ad',
] as const

/** First name. Google: `First Name` (legacy `Given Name`); Salesforce API `FirstName`. */
export const FIRST_NAME_SYNONYMS = [
  'first name',
  'firstname',
  'first',
  'given name',
  'forename',
  'ad',
  'adi',
  'isim',
  'ilk ad',
] as const

/** Last name. Google: `Last Name` (legacy `Family Name`); Outlook, Apollo, ZoomInfo. */
export const LAST_NAME_SYNONYMS = [
  'last name',
  'lastname',
  'last',
  'surname',
  'family name',
  'soyad',
  'soyadi',
  'soyisim',
  'soyismi',
] as const

/**
 * Company. Google: `Organization Name` (legacy `Organization 1 - Name`); Outlook, Apollo,
 * LinkedIn Connections.csv, Zoho: `Company`; HubSpot, ZoomInfo, Seamless.AI: `Company Name`
 * (ZoomInfo's `Previous Company Name` is not); Salesforce: `Company / Account`, contacts
 * `Account Name`; Pipedrive: `Person - Organization`, `Organization - Name`; Apollo also
 * `Company Name for Emails`; Seamless.AI `Company Name - Cleaned`.
 * Turkish: Şirket, Şirket Adı, Firma, Firma Adı, Kurum, Kurum Adı, İşyeri, Ticari Unvan.
 */
export const COMPANY_SYNONYMS = [
  'company',
  'company name',
  'organization',
  'organisation',
  'organization name',
  'organisation name',
  'company account',
  'account',
  'account name',
  'business name',
  'employer',
  'sirket',
  'sirket adi',
  'firma',
  'firma adi',
  'kurum',
  'kurum adi',
  'isyeri',
  'ticari unvan',
  'company name cleaned',
  'company name for emails',
] as const

/**
 * Job title. Apollo, Salesforce, Zoho: `Title`; HubSpot, ZoomInfo: `Job Title`; Google:
 * `Organization Title` (legacy `Organization 1 - Title`); Pipedrive `Person - Job title`;
 * LinkedIn Connections.csv: `Position`. Outlook's `Title` is the salutation (Mr./Dr.), so
 * `Job Title` is listed first and wins when both exist. Turkish: Ünvan, Görev, Pozisyon.
 */
export const TITLE_SYNONYMS = [
  'job title',
  'title',
  'jobtitle',
  'position',
  'role',
  'organization title',
  'designation',
  'occupation',
  'unvan',
  'unvani',
  'gorev',
  'gorevi',
  'pozisyon',
  'pozisyonu',
  'meslek',
] as const

/**
 * City. Apollo: `City`, `Company City`; ZoomInfo: `Person City`, `Company City`; Outlook:
 * `Home City`, `Business City`; Salesforce: `Mailing City`; Google: `Address 1 - City`.
 * Turkish: Şehir, İl, Kent.
 */
export const CITY_SYNONYMS = [
  'city',
  'town',
  'person city',
  'mailing city',
  'address city',
  'home city',
  'business city',
  'sehir',
  'il',
  'kent',
  'company city',
] as const

/** Notes. Google, Outlook: `Notes`; Salesforce, Zoho: `Description`. Turkish: Not, Notlar. */
export const NOTES_SYNONYMS = [
  'notes',
  'note',
  'comments',
  'comment',
  'description',
  'remarks',
  'notlar',
  'not',
  'aciklama',
  'yorum',
  'yorumlar',
] as const
