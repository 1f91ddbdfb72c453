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

/** The calendar day `now` falls on in `timeZone`. Throws a RangeError for an unknown zone. */
export function dayIn(now: Date, timeZone = platformZone): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

export function platformTimeZone(): string {
  return platformZone
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
