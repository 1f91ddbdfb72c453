/** Calendar date `days` from today, YYYY-MM-DD (UTC). */
export function dayOffset(days: number, from = new Date()): string {
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + days))
  return d.toISOString().slice(0, 10)
}

export function slugify(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036F]/g, '')
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'campaign'
}

export const daysAgo = (days: number, now = Date.now()) => new Date(now - days * 86_400_000)

/** Splits rows into batches small enough for SQLite's bound-parameter limit. */
export function* chunks<T>(rows: T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size)
}
