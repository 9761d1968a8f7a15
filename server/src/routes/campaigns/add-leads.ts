import {
  type Campaign,
  type CountryCode,
  issueMessage,
  type LeadInput,
  type LeadResult,
  normalizePhoneCell,
  type PhoneFormat,
} from '@leadport/shared'
import { insertLeads, type NewLead } from '../../db/leads.ts'
import type { Db } from '../../db/open.ts'

const INTERNATIONAL: PhoneFormat = { kind: 'international' }

/**
 * Re-validates posted leads with the shared phone rules (the server trusts no client), stores
 * the valid ones and answers one result per lead, in order.
 */
export function addLeads(db: Db, campaign: Campaign, leads: readonly LeadInput[]): LeadResult[] {
  const results: LeadResult[] = new Array(leads.length)
  const valid: NewLead[] = []
  const validAt: number[] = []
  for (let i = 0; i < leads.length; i++) {
    const lead = leads[i] as LeadInput
    const country = lead.country as CountryCode | undefined
    const format: PhoneFormat = country ? { kind: 'national', country } : INTERNATIONAL
    const phone = normalizePhoneCell(lead.phone_number, format)
    if (phone.e164 === null) {
      const code = phone.codes[0] ?? 'PHONE_INVALID'
      results[i] = {
        status: 'invalid',
        codes: phone.codes,
        message: issueMessage(code, { value: lead.phone_number, country }),
      }
      continue
    }
    valid.push({
      phone_e164: phone.e164,
      phone_ext: phone.ext ?? null,
      variables: lead.variables ?? {},
    })
    validAt.push(i)
  }
  const status = campaign.status === 'in_progress' ? 'scheduled' : 'created'
  const outcomes = insertLeads(db, campaign.id, valid, status)
  for (let k = 0; k < outcomes.length; k++) {
    const id = outcomes[k]
    const lead = valid[k] as NewLead
    results[validAt[k] as number] =
      id == null
        ? { status: 'duplicate', phone_e164: lead.phone_e164 }
        : { status: 'created', id, phone_e164: lead.phone_e164 }
  }
  return results
}
