const dateRange = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' })

/** Two calendar days ('YYYY-MM-DD') as one short range, e.g. "Jun 1 – Jul 10, 2026". */
export function formatDateRange(start: string, end: string): string {
  // ICU versions differ on the spaces around the dash (Node's thin spaces, Chromium's plain
  // ones): plain spaces everywhere, so the server-rendered text matches the hydrated text.
  return dateRange.formatRange(new Date(`${start}T00:00:00Z`), new Date(`${end}T00:00:00Z`)).replace(/[\u2009\u202F]/g, ' ')
}
