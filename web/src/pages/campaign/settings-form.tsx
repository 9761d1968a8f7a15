import {
  CALLING_WINDOW_MESSAGE,
  CAMPAIGN_DEFAULTS,
  CAMPAIGN_LIMITS,
  type Campaign,
  isCallingWindow,
  updateCampaignBody,
  WEEKDAYS,
  type Weekday,
} from '@leadport/shared'
import { type FormEvent, useState } from 'react'
import { Link } from 'wouter'
import { useAssistants } from '../../api/assistants.ts'
import { useUpdateCampaign } from '../../api/campaigns.ts'
import { usePhoneNumbers } from '../../api/phone-numbers.ts'
import { NumberSetting } from './number-setting.tsx'

const DAY_LABELS: Record<Weekday, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
}

type Limited = keyof typeof CAMPAIGN_LIMITS

/** The campaign's settings: assistant, caller numbers, time zone, hours, days, retries. */
export function SettingsForm({ campaign }: { campaign: Campaign }) {
  const assistants = useAssistants()
  const numbers = usePhoneNumbers()
  const save = useUpdateCampaign(campaign.id)
  const [s, setS] = useState(() => ({
    assistant_id: campaign.assistant_id === null ? '' : String(campaign.assistant_id),
    phone_number_ids: campaign.phone_number_ids,
    time_zone: campaign.time_zone ?? '',
    calling_hours_start: campaign.calling_hours_start,
    calling_hours_end: campaign.calling_hours_end,
    allowed_days: campaign.allowed_days,
    max_retries: String(campaign.max_retries),
    retry_interval_minutes: String(campaign.retry_interval_minutes),
    parallel_calls: String(campaign.parallel_calls),
    retry_on_voicemail: campaign.retry_on_voicemail,
  }))
  const [problem, setProblem] = useState<string | null>(null)
  const set = <K extends keyof typeof s>(k: K, v: (typeof s)[K]) => setS((p) => ({ ...p, [k]: v }))
  const assistant = assistants.data?.items.find((a) => String(a.id) === s.assistant_id)
  const readOnly = campaign.status === 'completed'

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const body = {
      ...s,
      assistant_id: s.assistant_id === '' ? null : Number(s.assistant_id),
      time_zone: s.time_zone.trim() === '' ? null : s.time_zone.trim(),
      max_retries: Number(s.max_retries),
      retry_interval_minutes: Number(s.retry_interval_minutes),
      parallel_calls: Number(s.parallel_calls),
    }
    const parsed = updateCampaignBody.safeParse(body)
    if (!parsed.success) return setProblem(parsed.error.issues[0]?.message ?? 'Check the settings.')
    if (!isCallingWindow(body.calling_hours_start, body.calling_hours_end)) {
      return setProblem(CALLING_WINDOW_MESSAGE)
    }
    setProblem(null)
    save.mutate(parsed.data)
  }

  const limited = (key: Limited, label: string, unit = '') => (
    <NumberSetting
      id={`setting-${key}`}
      label={label}
      unit={unit}
      limits={CAMPAIGN_LIMITS[key]}
      value={s[key]}
      onChange={(v) => set(key, v)}
    />
  )

  return (
    <section className="panel" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      <form className="settings" onSubmit={submit} data-testid="settings-form" noValidate>
        <fieldset disabled={readOnly} className="settings-grid">
          <div className="field">
            <label htmlFor="setting-assistant">Assistant</label>
            <select
              id="setting-assistant"
              data-testid="setting-assistant"
              value={s.assistant_id}
              onChange={(e) => set('assistant_id', e.target.value)}
            >
              <option value="">— none —</option>
              {assistants.data?.items.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
            {assistants.data?.items.length === 0 && (
              <span className="hint">
                No assistants yet: <Link href="/assistants">create one</Link>.
              </span>
            )}
          </div>
          <div className="field">
            <label htmlFor="setting-time-zone">Time zone</label>
            <input
              id="setting-time-zone"
              data-testid="setting-time-zone"
              value={s.time_zone}
              onChange={(e) => set('time_zone', e.target.value)}
              placeholder={assistant ? assistant.time_zone : 'Europe/Istanbul'}
            />
            <span className="hint">
              Default: the assistant’s{assistant ? ` (${assistant.time_zone})` : ''}.
            </span>
          </div>
          <fieldset className="field wide">
            <legend>Caller numbers</legend>
            {numbers.data?.items.length === 0 && (
              <span className="hint">
                No caller numbers yet: <Link href="/numbers">add one</Link>.
              </span>
            )}
            <div className="checks">
              {numbers.data?.items.map((n) => (
                <label key={n.id} className="check">
                  <input
                    type="checkbox"
                    data-testid={`setting-number-${n.id}`}
                    checked={s.phone_number_ids.includes(n.id)}
                    onChange={(e) =>
                      set(
                        'phone_number_ids',
                        e.target.checked
                          ? [...s.phone_number_ids, n.id]
                          : s.phone_number_ids.filter((x) => x !== n.id),
                      )
                    }
                  />
                  <span className="mono">{n.phone_e164}</span> {n.label}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="field">
            <label htmlFor="setting-hours-start">Calling hours</label>
            <span className="inline">
              <input
                id="setting-hours-start"
                type="time"
                aria-label="Calling hours start"
                value={s.calling_hours_start}
                onChange={(e) => set('calling_hours_start', e.target.value)}
              />
              to
              <input
                type="time"
                aria-label="Calling hours end"
                value={s.calling_hours_end}
                onChange={(e) => set('calling_hours_end', e.target.value)}
              />
            </span>
            <span className="hint">
              Default {CAMPAIGN_DEFAULTS.calling_hours_start}–{CAMPAIGN_DEFAULTS.calling_hours_end},
              in the lead’s local time.
            </span>
          </div>
          <fieldset className="field">
            <legend>Days to call on</legend>
            <div className="checks">
              {WEEKDAYS.map((d) => (
                <label key={d} className="check">
                  <input
                    type="checkbox"
                    checked={s.allowed_days.includes(d)}
                    onChange={(e) =>
                      set(
                        'allowed_days',
                        WEEKDAYS.filter((w) =>
                          w === d ? e.target.checked : s.allowed_days.includes(w),
                        ),
                      )
                    }
                  />
                  {DAY_LABELS[d]}
                </label>
              ))}
            </div>
          </fieldset>
          {limited('max_retries', 'Max retries')}
          {limited('retry_interval_minutes', 'Retry interval', 'minutes')}
          {limited('parallel_calls', 'Parallel calls')}
          <div className="field field-check">
            <label className="check">
              <input
                type="checkbox"
                data-testid="setting-retry-on-voicemail"
                checked={s.retry_on_voicemail}
                onChange={(e) => set('retry_on_voicemail', e.target.checked)}
              />
              Retry when a call reaches voicemail
            </label>
            <span className="hint">Default: off</span>
          </div>
        </fieldset>
        <div className="inline-form">
          <button type="submit" data-testid="save-settings" disabled={readOnly || save.isPending}>
            {save.isPending ? 'Saving…' : 'Save settings'}
          </button>
          {save.isSuccess && !problem && <span className="muted">Saved.</span>}
          {(problem || save.error) && (
            <span className="error" role="alert" data-testid="settings-error">
              {problem ?? save.error?.message}
            </span>
          )}
        </div>
      </form>
    </section>
  )
}
