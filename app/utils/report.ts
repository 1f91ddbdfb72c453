/** The months from `last` back to `first` (`YYYY-MM`, both included), newest first. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = []
  let [year, month] = last.split('-').map(Number) as [number, number]
  for (;;) {
    const current = `${year}-${String(month).padStart(2, '0')}`
    if (current < first) return months
    months.push(current)
    if (--month === 0) [year, month] = [year - 1, 12]
  }
}

/**
 * A figure beside last month's, for a report's tiles: "+$200 (+25 %) vs February",
 * "−3 vs February", "Same as February".
 */
export function changeFrom(now: number, before: number, previousMonth: string, format: (value: number) => string = String): string {
  const month = formatMonth(previousMonth).split(' ')[0]
  if (now === before) return `Same as ${month}`
  const sign = now > before ? '+' : '−'
  const percent = before > 0 ? ` (${sign}${formatPercent(Math.round((Math.abs(now - before) / before) * 100))})` : ''
  return `${sign}${format(Math.abs(now - before))}${percent} vs ${month}`
}
