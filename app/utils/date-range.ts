const fullDay = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' })
const monthDay = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' })

/**
 * Two calendar days ('YYYY-MM-DD') as one short range, e.g. "Jun 1 – Jul 10, 2026". Put together
 * by hand: Intl's formatRange picks different spaces in Node's and the browser's ICU, which made
 * the server and the hydrated page disagree.
 */
export function formatDateRange(start: string, end: string): string {
  const from = new Date(`${start}T00:00:00Z`)
  const to = new Date(`${end}T00:00:00Z`)
  if (from.getUTCFullYear() !== to.getUTCFullYear()) return `${fullDay.format(from)} – ${fullDay.format(to)}`
  return `${monthDay.format(from)} – ${monthDay.format(to)}, ${to.getUTCFullYear()}`
}
