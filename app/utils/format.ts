// One fixed locale so the server-rendered text and the hydrated text always match.
const LOCALE = 'en-US'

const wholeDollars = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 })
const dollarsAndCents = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'USD', minimumFractionDigits: 2 })
const compact = new Intl.NumberFormat(LOCALE, { notation: 'compact', maximumFractionDigits: 1 })
const longDate = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'long', timeZone: 'UTC' })

/** The API counts money in cents; people read dollars: $250 for round amounts, else $7,500.50. */
export function formatCents(cents: number): string {
  return (cents % 100 === 0 ? wholeDollars : dollarsAndCents).format(cents / 100)
}

export function formatCompactNumber(value: number): string {
  return compact.format(value)
}

export function formatPercent(value: number): string {
  return `${value.toLocaleString(LOCALE, { maximumFractionDigits: 1 })} %`
}

export function formatDate(iso: string): string {
  return longDate.format(new Date(iso))
}

/** `fitness` → `Fitness`, for the lower-case vocabularies in shared/constants. */
export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

const shortDay = new Intl.DateTimeFormat(LOCALE, { month: 'short', day: 'numeric', timeZone: 'UTC' })
const dateTime = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })

/** 'YYYY-MM-DD' or an ISO time → `Mar 3`, for chart axes. */
export function formatShortDate(iso: string): string {
  return shortDay.format(new Date(iso))
}

/** `Mar 3, 2026, 2:05 PM` (UTC, so server and browser agree). */
export function formatDateTime(iso: string): string {
  return `${dateTime.format(new Date(iso)).replace(/[\u2009\u202F]/g, ' ')} UTC`
}
