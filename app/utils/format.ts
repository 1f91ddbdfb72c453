// One fixed locale so the server-rendered text and the hydrated text always match.
const LOCALE = 'en-US'

const money = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'USD', maximumFractionDigits: 2, minimumFractionDigits: 0 })
const compact = new Intl.NumberFormat(LOCALE, { notation: 'compact', maximumFractionDigits: 1 })
const longDate = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'long', timeZone: 'UTC' })

/** The API counts money in cents; people read dollars. */
export function formatCents(cents: number): string {
  return money.format(cents / 100)
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
