import {
  type CountryCode,
  issueMessage,
  type LeadInput,
  type LeadResult,
  MAX_SECONDARY_PHONES,
  normalizePhoneCell,
  phoneFormatFor,
  type RowIssueCode,
} from '@leadport/shared'
import { AppError } from '../../app-error.ts'
import { readCampaignStatus } from '../../db/campaigns.ts'
import { listSuppressedSince, maxLeadId, suppressDoNotCall } from '../../db/dnc.ts'
import { insertLeads, type NewLead } from '../../db/leads.ts'
import type { Db } from '../../db/open.ts'

/** Posted leads after re-validation: results for the invalid ones, the rest ready to store. */
export interface CheckedLeads {
  /** One slot per posted lead; filled for invalid ones, the rest by {@link storeLeads}. */
  results: LeadResult[]
  valid: NewLead[]
  /** Index in the request of each valid lead. */
  validAt: number[]
  /** Warning codes of each valid lead. */
  warnings: (readonly RowIssueCode[])[]
}

function invalid(
  code: RowIssueCode,
  codes: readonly RowIssueCode[],
  value: string,
  country?: string,
) {
  return {
    status: 'invalid' as const,
    codes: [...codes],
    message: issueMessage(code, { value, country }),
  }
}

/**
 * Re-validates posted leads with the shared phone rules (the server trusts no client): the
 * primary and every secondary phone must be valid; numbers split from one cell become secondary
 * phones (at most {@link MAX_SECONDARY_PHONES}, the primary never repeated).
 */
export function checkLeads(leads: readonly LeadInput[]): CheckedLeads {
  const out: CheckedLeads = {
    results: new Array(leads.length),
    valid: [],
    validAt: [],
    warnings: [],
  }
  for (let i = 0; i < leads.length; i++) {
    const lead = leads[i] as LeadInput
    const country = lead.country as CountryCode | undefined
    const format = phoneFormatFor(country)
    const phone = normalizePhoneCell(lead.phone_number, format)
    if (phone.e164 === null) {
      const code = phone.codes[0] ?? 'PHONE_INVALID'
      out.results[i] = invalid(code, phone.codes, lead.phone_number, country)
      continue
    }
    const secondary = new Set(phone.secondary)
    let bad: LeadResult | undefined
    for (const [n, raw] of (lead.secondary_phones ?? []).entries()) {
      const s = normalizePhoneCell(raw, format)
      if (s.e164 === null) {
        const code = s.codes[0] ?? 'PHONE_INVALID'
        const r = invalid(code, s.codes, raw, country)
        bad = { ...r, message: `Secondary phone ${n + 1}: ${r.message}` }
        break
      }
      secondary.add(s.e164)
      for (const extra of s.secondary) secondary.add(extra)
    }
    if (bad) {
      out.results[i] = bad
      continue
    }
    secondary.delete(phone.e164)
    out.valid.push({
      phone_e164: phone.e164,
      phone_ext: phone.ext ?? null,
      secondary_phones:
        lead.secondary_phones || secondary.size > 0
          ? [...secondary].slice(0, MAX_SECONDARY_PHONES)
          : null,
      variables: lead.variables ?? {},
    })
    out.validAt.push(i)
    out.warnings.push(phone.codes)
  }
  return out
}

/** Where stored leads came from and what to do with numbers already in the campaign. */
export interface StoreOptions {
  onDuplicate: 'skip' | 'update'
  originRef: string | null
}

/**
 * Stores checked leads and fills in their results. Call inside a transaction: the campaign's
 * status is read here, so a lead added while it is `in_progress` is `scheduled` at once and one
 * added to a draft or paused campaign is `created`, whatever a concurrent Start or Pause does.
 * A new lead whose number is on the do-not-call list is stored `suppressed`, with the warning
 * `DNC_LISTED`.
 */
export function storeLeads(
  db: Db,
  campaignId: number,
  checked: CheckedLeads,
  opts: StoreOptions,
): LeadResult[] {
  const campaign = readCampaignStatus(db, campaignId)
  if (!campaign) throw new AppError('NOT_FOUND', `Campaign ${campaignId} does not exist.`)
  if (campaign === 'completed') {
    throw new AppError(
      'CONFLICT',
      `Campaign ${campaignId} is completed and takes no more leads. Create a new campaign for them.`,
    )
  }
  const now = new Date().toISOString()
  const scheduled = campaign === 'in_progress'
  const since = maxLeadId(db)
  const outcomes = insertLeads(db, campaignId, checked.valid, {
    status: scheduled ? 'scheduled' : 'created',
    nextAttemptAt: scheduled ? now : null,
    originKind: 'api',
    originRef: opts.originRef,
    onDuplicate: opts.onDuplicate,
    now,
  })
  // Numbers on the do-not-call list are stored (the campaign knows them) but never dialled.
  const listed =
    suppressDoNotCall(db, campaignId, since) > 0
      ? listSuppressedSince(db, campaignId, since)
      : undefined
  const results = checked.results.slice()
  for (let k = 0; k < outcomes.length; k++) {
    const o = outcomes[k] as (typeof outcomes)[number]
    const phone_e164 = (checked.valid[k] as NewLead).phone_e164
    const dnc = o.outcome === 'created' && listed?.has(o.id)
    const warnings = dnc
      ? [...(checked.warnings[k] ?? []), 'DNC_LISTED' as const]
      : (checked.warnings[k] ?? [])
    const r: LeadResult =
      o.outcome === 'duplicate'
        ? { status: 'duplicate', id: o.id, phone_e164 }
        : { status: o.outcome, id: o.id, phone_e164 }
    if (o.outcome !== 'duplicate' && warnings.length > 0)
      Object.assign(r, { warnings: [...warnings] })
    results[checked.validAt[k] as number] = r
  }
  return results
}
