// UTC and one locale, like formatDate, so the server-rendered text and the hydrated text match.
const dayMonth = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' })
const dayMonthYear = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' })

/** `2026-06-01`, `2026-07-30` → `Jun 1 – Jul 30, 2026`; the year is written once when both share it. */
export function formatDateRange(start: string, end: string): string {
  const from = new Date(start)
  const to = new Date(end)
  const first = from.getUTCFullYear() === to.getUTCFullYear() ? dayMonth.format(from) : dayMonthYear.format(from)
  return `${first} – ${dayMonthYear.format(to)}`
}
