import { describe, expect, it } from 'vitest'
import { isWithinCallingWindow, readLocalClock } from './calling-window.ts'

const at = (iso: string) => Date.parse(iso)
const ALL = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
const office = { start: '09:00', end: '17:00', days: ALL }

describe('readLocalClock', () => {
  it('reads the weekday and minute in the zone, not in UTC', () => {
    // 2030-01-06 is a Sunday in UTC; it is already Monday morning in Tokyo.
    expect(readLocalClock(at('2030-01-06T23:30:00Z'), 'Asia/Tokyo')).toEqual({
      day: 'mon',
      minutes: 8 * 60 + 30,
    })
    expect(readLocalClock(at('2030-01-06T23:30:00Z'), 'America/New_York')).toEqual({
      day: 'sun',
      minutes: 18 * 60 + 30,
    })
    expect(readLocalClock(at('2030-01-07T00:00:00Z'), 'UTC')).toEqual({ day: 'mon', minutes: 0 })
  })

  it('follows daylight saving time', () => {
    expect(readLocalClock(at('2030-07-01T13:00:00Z'), 'America/New_York').minutes).toBe(9 * 60)
    expect(readLocalClock(at('2030-01-07T13:00:00Z'), 'America/New_York').minutes).toBe(8 * 60)
  })
})

describe('isWithinCallingWindow', () => {
  it('judges one instant differently per zone', () => {
    const now = at('2030-01-07T07:00:00Z') // Monday
    expect(isWithinCallingWindow(now, 'Europe/Istanbul', office)).toBe(true) // 10:00
    expect(isWithinCallingWindow(now, 'Asia/Tokyo', office)).toBe(true) // 16:00
    expect(isWithinCallingWindow(now, 'America/New_York', office)).toBe(false) // 02:00
    expect(isWithinCallingWindow(now, 'Asia/Kolkata', office)).toBe(true) // 12:30
  })

  it('includes the start and the end minute, nothing beyond', () => {
    const z = 'UTC'
    expect(isWithinCallingWindow(at('2030-01-07T08:59:59Z'), z, office)).toBe(false)
    expect(isWithinCallingWindow(at('2030-01-07T09:00:00Z'), z, office)).toBe(true)
    expect(isWithinCallingWindow(at('2030-01-07T17:00:59Z'), z, office)).toBe(true)
    expect(isWithinCallingWindow(at('2030-01-07T17:01:00Z'), z, office)).toBe(false)
  })

  it('takes the allowed day in local time across midnight UTC', () => {
    const mondayOnly = { ...office, start: '00:00', end: '23:59', days: ['mon'] as const }
    // Sunday 23:30 UTC: Monday in Tokyo, Sunday in London.
    const now = at('2030-01-06T23:30:00Z')
    expect(isWithinCallingWindow(now, 'Asia/Tokyo', mondayOnly)).toBe(true)
    expect(isWithinCallingWindow(now, 'Europe/London', mondayOnly)).toBe(false)
    // Monday 23:30 UTC: Tuesday in Tokyo already, still Monday in London.
    const later = at('2030-01-07T23:30:00Z')
    expect(isWithinCallingWindow(later, 'Asia/Tokyo', mondayOnly)).toBe(false)
    expect(isWithinCallingWindow(later, 'Europe/London', mondayOnly)).toBe(true)
  })

  it('keeps weekend days out', () => {
    const weekdays = { ...office, days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const }
    expect(isWithinCallingWindow(at('2030-01-05T10:00:00Z'), 'UTC', weekdays)).toBe(false) // Sat
    expect(isWithinCallingWindow(at('2030-01-07T10:00:00Z'), 'UTC', weekdays)).toBe(true) // Mon
  })

  it('runs an overnight window past midnight, counted on the day it opened', () => {
    const night = { start: '22:00', end: '02:00', days: ['fri'] as const }
    expect(isWithinCallingWindow(at('2030-01-11T21:59:00Z'), 'UTC', night)).toBe(false) // Fri
    expect(isWithinCallingWindow(at('2030-01-11T23:00:00Z'), 'UTC', night)).toBe(true) // Fri
    expect(isWithinCallingWindow(at('2030-01-12T01:30:00Z'), 'UTC', night)).toBe(true) // Sat, small hours of Fri's window
    expect(isWithinCallingWindow(at('2030-01-12T02:01:00Z'), 'UTC', night)).toBe(false)
    expect(isWithinCallingWindow(at('2030-01-12T23:00:00Z'), 'UTC', night)).toBe(false) // Sat opens none
    expect(isWithinCallingWindow(at('2030-01-11T01:00:00Z'), 'UTC', night)).toBe(false) // Thu's window
  })
})
