import { AD_REQUEST_EVENT_TYPES, CAMPAIGN_EVENT_TYPES } from '#shared/events'
import type { DashboardSummary } from '#shared/types/summary'
import type { SessionUser } from '#shared/types/session'

type DashboardRole = DashboardSummary['role']

/**
 * The logged-in user and their dashboard figures, for the dashboard of `role`: both are null
 * while the session or the answer belongs to another role. The figures follow the deals and
 * campaigns as they change.
 */
export async function useDashboardSummary<R extends DashboardRole>(role: R) {
  const auth = useAuthStore()
  const { $api } = useNuxtApp()

  const user = computed(() => {
    const current: SessionUser | null = auth.user
    return current?.role === role ? current as Extract<SessionUser, { role: R }> : null
  })

  const { data, error, refresh } = await useAsyncData(`${role}-summary`, () => $api<DashboardSummary>('/api/me/summary'))
  const summary = computed(() => {
    const figures: DashboardSummary | undefined = data.value
    return figures?.role === role ? figures as Extract<DashboardSummary, { role: R }> : null
  })
  useLiveRefresh([...AD_REQUEST_EVENT_TYPES, ...CAMPAIGN_EVENT_TYPES], refresh)

  return { user, summary, error, refresh }
}
