import type { Weekday } from '@leadport/shared'

/** When a campaign may call, in the callee's local time. */
export interface CallingWindow {
  /** `HH:MM`, 24-hour. */
  start: string
  /** `HH:MM`, inclusive of that minute; before `start` means the window runs past midnight. */
  end: string
  /** Days a window may open on (an overnight window belongs to the day it opened). */
  days: readonly Weekday[]
}

/** A moment on a local wall clock. */
export interface LocalClock {
  day: Weekday
  /** Minutes since local midnight. */
  minutes: number
}

const DAY: Record<string, Weekday> = {
  Mon: 'mon',
  Tue: 'tue',
  Wed: 'wed',
  Thu: 'thu',
  Fri: 'fri',
  Sat: 'sat',
  Sun: 'sun',
}
const PREVIOUS: Record<Weekday, Weekday> = {
  mon: 'sun',
  tue: 'mon',
  wed: 'tue',
  thu: 'wed',
  fri: 'thu',
  sat: 'fri',
  sun: 'sat',
}

// One formatter per zone: building one costs far more than formatting with it.
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    formatters.set(zone, f)
  }
  return f
}

/**
 * The weekday and minute of the day at `nowMs` in the IANA zone `zone`.
 * @example readLocalClock(Date.parse('2024-01-01T06:30:00Z'), 'Europe/Istanbul') // { day: 'mon', minutes: 570 }
 */
export function readLocalClock(nowMs: number, zone: string): LocalClock {
  let day: Weekday = 'mon'
  let hour = 0
  let minute = 0
  for (const p of formatterFor(zone).formatToParts(nowMs)) {
    if (p.type === 'weekday') day = DAY[p.value] ?? day
    else if (p.type === 'hour') hour = Number(p.value)
    else if (p.type === 'minute') minute = Number(p.value)
  }
  return { day, minutes: hour * 60 + minute }
}

function toMinutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))
}

/**
 * Whether a call may be placed at `nowMs` to someone in `zone`: inside the calling hours, on an
 * allowed day, both in that zone. An overnight window (`22:00`–`02:00`) counts its small hours
 * as part of the day it opened.
 * @example isWithinCallingWindow(now, 'America/New_York', { start: '09:00', end: '17:00', days: ['mon'] })
 */
export function isWithinCallingWindow(nowMs: number, zone: string, w: CallingWindow): boolean {
  const { day, minutes } = readLocalClock(nowMs, zone)
  const start = toMinutes(w.start)
  const end = toMinutes(w.end)
  if (start <= end) return minutes >= start && minutes <= end && w.days.includes(day)
  if (minutes >= start) return w.days.includes(day)
  return minutes <= end && w.days.includes(PREVIOUS[day])
}
