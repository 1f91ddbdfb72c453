import { describe, expect, it } from 'vitest'
import type { LiveEventData } from '../../shared/events'
import { LiveConnection } from '../../server/live/connection'

const invited = (adRequestId: number, notificationId?: number): LiveEventData => ({
  type: 'ad_request.invited', adRequestId, campaignId: 1, campaign: 'Cold brew', paymentAmount: 100, ...(notificationId ? { notificationId } : {}),
})

function connection() {
  const written: string[] = []
  let ended = false
  const live = new LiveConnection({ userId: 7, sessionId: 's', write: chunk => written.push(chunk), end: () => { ended = true } })
  return { live, written, ended: () => ended, ids: () => written.flatMap(chunk => chunk.match(/^id: (\d+)$/m)?.[1] ?? []) }
}

describe('a live connection at the seam between catch-up and live messages', () => {
  it('formats an event as a named SSE message whose id is its inbox row', () => {
    const { live, written } = connection()
    live.catchUp([])
    live.send(invited(3, 41))
    expect(written).toEqual([
      'retry: 3000\n\n',
      `id: 41\nevent: ad_request.invited\ndata: ${JSON.stringify(invited(3, 41))}\n\n`,
    ])
  })

  it('holds live messages until the catch-up is sent, and drops those it already carried', () => {
    const { live, ids, written } = connection()
    // Committed while the inbox was being read: 11 is in both, 12 only arrived live.
    live.send(invited(1, 11))
    live.send(invited(2))
    live.send(invited(3, 12))
    expect(written).toEqual(['retry: 3000\n\n'])
    live.catchUp([invited(0, 10), invited(1, 11)])
    expect(ids()).toEqual(['10', '11', '12'])
    expect(written.filter(chunk => chunk.includes('"adRequestId":2'))).toHaveLength(1)
    // A copy of an already sent row arriving late from another instance is dropped too.
    live.send(invited(1, 11))
    expect(ids()).toEqual(['10', '11', '12'])
  })

  it('gives a new stream the point to resume from as a bare id, which dispatches nothing', () => {
    const { live, written } = connection()
    live.catchUp([], 99)
    expect(written.at(-1)).toBe('id: 99\n\n')
  })

  it('stops writing once closed, and tells its listeners once', () => {
    const { live, written, ended } = connection()
    let told = 0
    live.onClose(() => told++)
    live.catchUp([])
    live.close()
    live.close()
    live.send(invited(5, 50))
    live.heartbeat()
    expect(told).toBe(1)
    expect(ended()).toBe(true)
    expect(written).toEqual(['retry: 3000\n\n'])
  })
})
