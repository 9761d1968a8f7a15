import { normalizeHeader } from './normalize.ts'
import {
  CITY_SYNONYMS,
  COMPANY_SYNONYMS,
  EMAIL_SYNONYMS,
  FIRST_NAME_SYNONYMS,
  FULL_NAME_SYNONYMS,
  LAST_NAME_SYNONYMS,
  NOTES_SYNONYMS,
  PHONE_SYNONYMS,
  TITLE_SYNONYMS,
} from './synonyms.ts'

/** What a field holds; drives matching, validation and the grid editor. */
export type FieldType = 'phone' | 'email' | 'text'

/** Where a mapped column goes in a {@link Mapping}. */
export type FieldRole = 'phone_number' | 'secondary_phones' | 'email' | 'variable'

/** A mapping target, declared once: drives auto-mapping, grid columns and validation. */
export interface Field {
  key: string
  label: string
  /** Header spellings, best first (exact match after normalisation). */
  synonyms: readonly string[]
  type: FieldType
  role: FieldRole
  /** Longest value accepted (characters). */
  maxLength: number
  required: boolean
  /** Several columns may map to it (secondary phones only). */
  multiple: boolean
  /** Value used when the row has none (assistant variables). */
  default?: string
}

/** An assistant variable as declared on the assistant (PRODUCT.md §2). */
export interface AssistantVariable {
  key: string
  label: string
  required: boolean
  default?: string
}

/** Most secondary phones a lead keeps (PRODUCT.md §2: 0–10). */
export const MAX_SECONDARY_PHONES = 10

/** Longest value of an assistant variable without a preset. */
export const DEFAULT_VARIABLE_MAX_LENGTH = 500

/** The primary phone: required, one column. */
export const PHONE_FIELD: Field = {
  key: 'phone_number',
  label: 'Phone number',
  synonyms: PHONE_SYNONYMS,
  type: 'phone',
  role: 'phone_number',
  maxLength: 64,
  required: true,
  multiple: false,
}

/** Secondary phones: any number of phone columns, dialled in order after the primary. */
export const SECONDARY_PHONES_FIELD: Field = {
  key: 'secondary_phones',
  label: 'Secondary phones',
  synonyms: PHONE_SYNONYMS,
  type: 'phone',
  role: 'secondary_phones',
  maxLength: 64,
  required: false,
  multiple: true,
}

/** The lead's email (RFC 5321 caps an address at 254 characters). */
export const EMAIL_FIELD: Field = {
  key: 'email',
  label: 'Email',
  synonyms: EMAIL_SYNONYMS,
  type: 'email',
  role: 'email',
  maxLength: 254,
  required: false,
  multiple: false,
}

/** The built-in targets every campaign has. */
export const BUILT_IN_FIELDS: readonly Field[] = [PHONE_FIELD, SECONDARY_PHONES_FIELD, EMAIL_FIELD]

/** Synonyms and limits of a common assistant variable, found by its key or an alias. */
export interface VariablePreset {
  key: string
  aliases: readonly string[]
  synonyms: readonly string[]
  maxLength: number
}

/** Common assistant variables: synonyms and limits they get when an assistant declares them. */
export const VARIABLE_PRESETS: readonly VariablePreset[] = [
  {
    key: 'customer_name',
    aliases: ['name', 'full_name', 'contact_name', 'customer', 'client_name', 'lead_name'],
    synonyms: FULL_NAME_SYNONYMS,
    maxLength: 200,
  },
  {
    key: 'first_name',
    aliases: ['firstname', 'given_name'],
    synonyms: FIRST_NAME_SYNONYMS,
    maxLength: 200,
  },
  {
    key: 'last_name',
    aliases: ['lastname', 'surname', 'family_name'],
    synonyms: LAST_NAME_SYNONYMS,
    maxLength: 200,
  },
  {
    key: 'company',
    aliases: ['company_name', 'organization', 'organisation', 'business_name', 'firma', 'sirket'],
    synonyms: COMPANY_SYNONYMS,
    maxLength: 200,
  },
  {
    key: 'title',
    aliases: ['job_title', 'position', 'role'],
    synonyms: TITLE_SYNONYMS,
    maxLength: 200,
  },
  { key: 'city', aliases: ['town', 'sehir'], synonyms: CITY_SYNONYMS, maxLength: 100 },
  {
    key: 'notes',
    aliases: ['note', 'description', 'comments'],
    synonyms: NOTES_SYNONYMS,
    maxLength: 2000,
  },
]

// Looked up by normalised key so `Customer Name`, `customerName` and `customer_name` agree.
const PRESET_BY_KEY = new Map<string, VariablePreset>()
for (const preset of VARIABLE_PRESETS) {
  for (const k of [preset.key, ...preset.aliases])
    PRESET_BY_KEY.set(normalizeHeader(k).full, preset)
}

/** The preset for a variable key, if it is a common one (`customer_name`, `companyName`, ...). */
export function findVariablePreset(key: string): VariablePreset | undefined {
  return PRESET_BY_KEY.get(normalizeHeader(key).full)
}

const BUILT_IN_KEYS = new Set(['phonenumber', 'phone', 'secondaryphones', 'email'])

/**
 * The targets of a campaign: the built-in fields, then one per assistant variable (its key and
 * label always count as synonyms, after the preset's synonyms for common keys). A variable
 * whose key is a built-in one (`email`, `phone_number`) is dropped: the built-in field supplies
 * that value. Duplicate variable keys keep the first.
 * @example buildTargets([{ key: 'customer_name', label: 'Name', required: true }])
 */
export function buildTargets(variables: readonly AssistantVariable[]): Field[] {
  const targets: Field[] = [...BUILT_IN_FIELDS]
  const seen = new Set<string>()
  for (const v of variables) {
    const norm = normalizeHeader(v.key).full
    if (BUILT_IN_KEYS.has(norm) || seen.has(v.key)) continue
    seen.add(v.key)
    const preset = findVariablePreset(v.key)
    const field: Field = {
      key: v.key,
      label: v.label,
      // A preset's own order wins (Outlook's `Title` is a salutation, `Job Title` comes first).
      synonyms: preset ? [...preset.synonyms, v.key, v.label] : [v.key, v.label],
      type: 'text',
      role: 'variable',
      maxLength: preset?.maxLength ?? DEFAULT_VARIABLE_MAX_LENGTH,
      required: v.required,
      multiple: false,
    }
    if (v.default !== undefined) field.default = v.default
    targets.push(field)
  }
  return targets
}
