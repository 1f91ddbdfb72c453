import { describe, expect, it } from 'vitest'
import { neutraliseFormula } from '../../server/domain/export-csv'
import { decimalAmount } from '../../shared/money'

describe('CSV cells', () => {
  it('neutralise what a spreadsheet would run as a formula', () => {
    for (const cell of ['=1+1', '+SUM(A1:A9)', '-2+3', '@SUM(A1)', '\t=1+1', '\r=cmd|calc', '=', '-', '- item', '-1e3']) {
      expect(neutraliseFormula(cell), JSON.stringify(cell)).toBe(`'${cell}`)
    }
  })

  it('leave plain text and plain numbers, negative ones included, as they are', () => {
    for (const cell of ['Summer launch', '', 'a=b', ' =1', '12', '-12', '-12.50', '0.5', 'Café 🎉', '\'quoted']) {
      expect(neutraliseFormula(cell), JSON.stringify(cell)).toBe(cell)
    }
  })

  it('write cents as an exact decimal amount', () => {
    expect([0, 5, 100, 123_456, -1_250, 9_007_199_254_740_991].map(decimalAmount))
      .toEqual(['0.00', '0.05', '1.00', '1234.56', '-12.50', '90071992547409.91'])
  })
})
