import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CAMPAIGN_DEFAULTS, type LeadStatus } from '@leadport/shared'
import { insertAssistant } from '../db/assistants.ts'
import { setCampaignPhoneNumbers } from '../db/campaign-phone-numbers.ts'
import { type CampaignFields, insertCampaign, setCampaignStatus } from '../db/campaigns.ts'
import { insertLeads } from '../db/leads.ts'
import { type Db, openDatabase } from '../db/open.ts'
import { insertPhoneNumber } from '../db/phone-numbers.ts'
import type { Clock } from './provider.ts'

/** A clock tests move by hand. */
export interface ManualClock extends Clock {
  set(iso: string): void
  advance(ms: number): void
}

/** A {@link ManualClock} starting at `iso`. */
export function createManualClock(iso: string): ManualClock {
  let t = Date.parse(iso)
  return {
    now: () => t,
    set(to) {
      t = Date.parse(to)
    },
    advance(ms) {
      t += ms
    },
  }
}

/** Minutes in milliseconds. */
export const MIN = 60_000

/** The caller numbers every test campaign rotates through. */
export const CALLERS = ['+902121234567', '+902121234568']

/**
 * A temp SQLite file with the dialer migration, an assistant (Europe/Istanbul), two caller
 * numbers and one campaign with `settings`; `addLead` queues leads due at the clock's time.
 */
export function createDialerFixture(start: string, settings: Partial<CampaignFields> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'leadport-dialer-'))
  const file = join(dir, 'leadport.db')
  let db: Db = openDatabase(file)
  const clock = createManualClock(start)
  const assistant = insertAssistant(db, {
    name: 'Ayla',
    variables: [],
    script: 'Hello {{customer_name}}',
    time_zone: 'Europe/Istanbul',
  })
  const ids = CALLERS.map((n) => insertPhoneNumber(db, n, n)?.id as number)
  const campaignId = insertCampaign(db, {
    ...CAMPAIGN_DEFAULTS,
    name: 'Dialer test',
    assistant_id: assistant.id,
    ...settings,
  })
  setCampaignPhoneNumbers(db, campaignId, ids)
  setCampaignStatus(db, campaignId, 'in_progress')
  return {
    dir,
    clock,
    campaignId,
    get db() {
      return db
    },
    /** Queues a lead (scheduled, due now); returns its id. */
    addLead(phone: string, secondary: string[] = [], variables: Record<string, string> = {}) {
      const [r] = insertLeads(
        db,
        campaignId,
        [{ phone_e164: phone, phone_ext: null, secondary_phones: secondary, variables }],
        {
          status: 'scheduled',
          nextAttemptAt: new Date(clock.now()).toISOString(),
          originKind: 'api',
          originRef: null,
          onDuplicate: 'skip',
          now: new Date(clock.now()).toISOString(),
        },
      )
      return r?.id as number
    },
    /** A lead's dialler-relevant columns. */
    lead(id: number) {
      return db
        .prepare(
          'SELECT status, attempts, phone_index, next_attempt_at, time_zone FROM leads WHERE id = ?',
        )
        .get(id) as {
        status: LeadStatus
        attempts: number
        phone_index: number
        next_attempt_at: string | null
        time_zone: string | null
      }
    },
    campaignStatus() {
      return db.prepare('SELECT status FROM campaigns WHERE id = ?').pluck().get(campaignId)
    },
    /** Closes and re-opens the file, as a restarted server would. */
    reopen() {
      db.close()
      db = openDatabase(file)
      return db
    },
    cleanup() {
      db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
