// Money travels as integer cents everywhere; this is the one way it is written for people,
// on the pages and in the messages the server sends.

const wholeDollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 })
const dollarsAndCents = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2 })

/** $250 for round amounts, $7,500.50 otherwise. */
export function formatCents(cents: number): string {
  return (cents % 100 === 0 ? wholeDollars : dollarsAndCents).format(cents / 100)
}

/** 7500.50 for 750050 cents: exact, with a point and two decimals, as spreadsheets read amounts. */
export function decimalAmount(cents: number): string {
  const whole = Math.trunc(Math.abs(cents) / 100)
  const rest = String(Math.abs(cents) % 100).padStart(2, '0')
  return `${cents < 0 ? '-' : ''}${whole}.${rest}`
}
