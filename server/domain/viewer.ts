import type { Role, UserStatus } from '#shared/constants'

/** Who is asking, as the domain needs to know it; null is an anonymous visitor. */
export interface Viewer {
  id: number
  role: Role
  status: UserStatus
}
