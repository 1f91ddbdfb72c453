import { fromDate, parseDate, toZoned } from '@internationalized/date'

/**
 * Campaign dates are calendar days (YYYY-MM-DD) in the platform's time zone (NUXT_TZ): a campaign
 * starts when that day begins there, not at midnight UTC.
 */
let platformZone = 'UTC'

/** Sets the platform's time zone once at startup; an unknown zone stops the start with a clear message. */
export function setPlatformTimeZone(timeZone: string) {
  dayIn(new Date(), timeZone)
  platformZone = timeZone
}

export function platformTimeZone(): string {
  return platformZone
}

/** The calendar day `now` falls on in `timeZone`. Throws a RangeError for an unknown zone. */
export function dayIn(now: Date, timeZone = platformZone): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

/** The hour of the day (0–23) `now` falls in, in `timeZone`. */
export function hourIn(now: Date, timeZone = platformZone): number {
  return toZoned(fromDate(now, 'UTC'), timeZone).hour
}

/** The month (`YYYY-MM`) `now` falls in, in `timeZone`. */
export function monthIn(now: Date, timeZone = platformZone): string {
  return dayIn(now, timeZone).slice(0, 7)
}

/** `2026-01` → `2025-12`. */
export function previousMonth(month: string): string {
  return firstDayOf(month).subtract({ months: 1 }).toString().slice(0, 7)
}

function firstDayOf(month: string) {
  return parseDate(`${month}-01`)
}

export interface MonthBounds {
  /** The first and last calendar days, `YYYY-MM-DD`, for comparing campaign dates. */
  firstDay: string
  lastDay: string
  /** The instants the month begins and ends in `timeZone` (end exclusive), for comparing times. */
  start: Date
  end: Date
}

/**
 * A month as calendar days and as instants in `timeZone`: March in Auckland begins at 11:00 UTC
 * on the last day of February. A midnight skipped by a clock change is taken at the hour after.
 */
export function monthBounds(month: string, timeZone = platformZone): MonthBounds {
  const first = firstDayOf(month)
  const next = first.add({ months: 1 })
  return {
    firstDay: first.toString(),
    lastDay: next.subtract({ days: 1 }).toString(),
    start: first.toDate(timeZone),
    end: next.toDate(timeZone),
  }
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>()

/**
 * `now` as the wall-clock time in `timeZone`, `YYYY-MM-DD HH:MM:SS`: the form spreadsheets read
 * as a date and time (Swedish writes it exactly so). One formatter per zone, kept: building one
 * costs far more than formatting, and exports format thousands of times.
 */
export function dateTimeIn(now: Date, timeZone = platformZone): string {
  let format = dateTimeFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('sv-SE', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    })
    dateTimeFormats.set(timeZone, format)
  }
  return format.format(now)
}
