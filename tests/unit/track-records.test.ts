import { describe, expect, it } from 'vitest'
import { AD_REQUEST_STATUSES } from '#shared/constants'
import { recordChange } from '../../server/domain/track-records'

describe('a request changing status', () => {
  it('moves the track record as a person reads it', () => {
    expect(recordChange('pending', 'accepted')).toEqual({ agreed: 1, completed: 0, rejected: 0 })
    expect(recordChange('accepted', 'completed')).toEqual({ agreed: 0, completed: 1, rejected: 0 })
    expect(recordChange('negotiating', 'rejected')).toEqual({ agreed: 0, completed: 0, rejected: 1 })
  })

  it('leaves the record alone between statuses it does not count, or when nothing changes', () => {
    const none = { agreed: 0, completed: 0, rejected: 0 }
    expect(recordChange('pending', 'negotiating')).toEqual(none)
    expect(recordChange('negotiating', 'expired')).toEqual(none)
    expect(recordChange('pending', 'withdrawn')).toEqual(none)
    for (const status of AD_REQUEST_STATUSES) expect(recordChange(status, status)).toEqual(none)
  })
})
