import { describe, expect, it } from 'vitest'
import { createAssistantBody } from './assistants.ts'
import { createCampaignBody } from './campaigns.ts'
import { fillScript, listPlaceholders } from './script.ts'

describe('script templates', () => {
  it('lists distinct placeholders in order, spaces allowed', () => {
    expect(listPlaceholders('Hi {{ name }}, {{company}} and {{name}} {x} {{}}')).toEqual([
      'name',
      'company',
    ])
  })

  it('fills placeholders as parts, leaving unknown ones empty and markup as text', () => {
    expect(fillScript('Hi {{name}}, {{ city }}!', { name: '<b>Ayşe</b>' })).toEqual([
      { text: 'Hi ' },
      { key: 'name', value: '<b>Ayşe</b>' },
      { text: ', ' },
      { key: 'city', value: null },
      { text: '!' },
    ])
    expect(fillScript('{{constructor}}', {})).toEqual([{ key: 'constructor', value: null }])
  })
})

describe('schemas', () => {
  it('fills campaign defaults, takes an overnight calling window, refuses one of no length', () => {
    expect(createCampaignBody.parse({ name: 'x' })).toMatchObject({
      max_retries: 3,
      retry_interval_minutes: 60,
      parallel_calls: 3,
      retry_on_voicemail: false,
      calling_hours_start: '00:00',
      calling_hours_end: '23:59',
    })
    const night = createCampaignBody.safeParse({
      name: 'x',
      calling_hours_start: '18:00',
      calling_hours_end: '09:00',
    })
    expect(night.success).toBe(true)
    const bad = createCampaignBody.safeParse({
      name: 'x',
      calling_hours_start: '09:00',
      calling_hours_end: '09:00',
    })
    expect(bad.success).toBe(false)
  })

  it('an assistant script may only use its variables', () => {
    const ok = createAssistantBody.safeParse({
      name: 'a',
      variables: [{ key: 'name', label: 'Name' }],
      script: 'Hi {{name}}',
    })
    expect(ok.success).toBe(true)
    const bad = createAssistantBody.safeParse({ name: 'a', script: 'Hi {{name}}' })
    expect(bad.success).toBe(false)
  })
})
