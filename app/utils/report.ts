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

/** How a figure moved from one month to the next: "+$200", "−3", or null when it stayed. */
export function change(now: number, before: number, format: (value: number) => string = String): { text: string, percent?: string, up: boolean } | null {
  if (now === before) return null
  const up = now > before
  const sign = up ? '+' : '−'
  const percent = before > 0 ? `${sign}${formatPercent(Math.round((Math.abs(now - before) / before) * 100))}` : undefined
  return { text: `${sign}${format(Math.abs(now - before))}`, percent, up }
}

/** A tile's line under its figure: "+$200 vs September", "Same as September". */
export function changeFrom(now: number, before: number, previousMonth: string, format?: (value: number) => string): string {
  const month = formatMonth(previousMonth).split(' ')[0]
  const moved = change(now, before, format)
  return moved ? `${moved.text} vs ${month}` : `Same as ${month}`
}
