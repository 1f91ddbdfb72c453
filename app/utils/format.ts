// One fixed locale so the server-rendered text and the hydrated text always match.
const LOCALE = 'en-US'

const compact = new Intl.NumberFormat(LOCALE, { notation: 'compact', maximumFractionDigits: 1 })
const longDate = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'long', timeZone: 'UTC' })
const mediumDate = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeZone: 'UTC' })
// 24-hour clock: the 12-hour one puts a narrow space before AM/PM that not every ICU agrees on.
const clock = new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' })

/** The API counts money in cents; people read dollars: $250 for round amounts, else $7,500.50. */
export { formatCents } from '#shared/money'

export function formatCompactNumber(value: number): string {
  return compact.format(value)
}

const fileSize = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 })

/** 980 B, 12.4 kB, 7.5 MB: a file's size as people read it (decimal units, as file managers show them). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB']
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  return `${fileSize.format(value)} ${units[unit]}`
}

export function formatPercent(value: number): string {
  return `${value.toLocaleString(LOCALE, { maximumFractionDigits: 1 })} %`
}

export function formatDate(iso: string): string {
  return longDate.format(new Date(iso))
}

/** For a history: "Nov 25, 2026, 15:58 UTC" (one time zone, so server and browser agree). */
export function formatDateTime(iso: string): string {
  const date = new Date(iso)
  return `${mediumDate.format(date)}, ${clock.format(date)} UTC`
}

/** "1 draft", "3 drafts": for the regular English plurals. */
export { countOf } from '#shared/words'

/** `fitness` → `Fitness`, for the lower-case vocabularies in shared/constants. */
export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

const shortDay = new Intl.DateTimeFormat(LOCALE, { month: 'short', day: 'numeric', timeZone: 'UTC' })

/** 'YYYY-MM-DD' or an ISO time → `Mar 3`, for chart axes. */
export function formatShortDate(iso: string): string {
  return shortDay.format(new Date(iso))
}

/** At most `max` characters, cut at a word and marked with an ellipsis: meta descriptions, previews. */
export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max - 1)
  const lastSpace = cut.lastIndexOf(' ')
  // At the last whole word, unless that would drop most of the text (one very long word).
  const kept = lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut
  return `${kept.replace(/[\s,.;:–-]+$/, '')}…`
}
