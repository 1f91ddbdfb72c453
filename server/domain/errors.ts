/**
 * A rule of the product was broken. The domain speaks in these kinds; the HTTP layer maps each
 * to its status code (see server/utils/api-handler.ts), so domain code stays free of HTTP.
 */
export type DomainErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'rate_limited'

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly data?: Record<string, unknown>,
  ) {
    super(message)
    this.name = 'DomainError'
  }
}
