import type { CountryCode } from '@leadport/shared'
import { type Campaign, type LeadInput, type LeadResult, parsePhone } from '@leadport/shared'
import { insertLeads, type NewLead } from '../../db/leads.ts'
import type { Db } from '../../db/open.ts'

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
    const raw = lead.phone_number.trim().replace(/^'/, '').replace(/^00/, '+')
    const parsed = parsePhone(raw, lead.country as CountryCode | undefined)
    if (!parsed) {
      results[i] = {
        status: 'invalid',
        codes: [raw === '' ? 'PHONE_MISSING' : 'PHONE_INVALID'],
        message:
          raw === ''
            ? 'The phone number is empty.'
            : `"${lead.phone_number}" is not a valid phone number${lead.country ? ` for ${lead.country}` : ''}.`,
      }
      continue
    }
    valid.push({
      phone_e164: parsed.e164,
      phone_ext: parsed.ext ?? null,
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
