import type { AppNotification } from '~/types/api'

/** The logged-in user's latest notifications and unread count, shared by the sidebar and the inbox. */
export const useNotificationsStore = defineStore('notifications', () => {
  const { $api } = useNuxtApp()
  const items = ref<AppNotification[]>([])
  const unread = ref(0)
  const error = ref<unknown>(null)
  const loaded = ref(false)

  async function load() {
    try {
      const inbox = await $api('/api/notifications', { query: { pageSize: 30 } })
      items.value = inbox.items
      unread.value = inbox.unread
      error.value = null
    }
    catch (failure) {
      error.value = failure
    }
    finally {
      loaded.value = true
    }
  }

  /** Just the count for the sidebar badge: one row asked, the count comes with it. */
  async function refreshUnread() {
    const inbox = await $api('/api/notifications', { query: { unread: 'true', pageSize: 1 } }).catch(() => null)
    if (inbox) unread.value = inbox.unread
  }

  async function markRead(ids?: number[]) {
    const result = await $api('/api/notifications/read', { method: 'POST', body: ids ? { ids } : { all: true } })
    for (const item of items.value) if (!ids || ids.includes(item.id)) item.read = true
    unread.value = result.unread
  }

  function clear() {
    items.value = []
    unread.value = 0
    loaded.value = false
  }

  return { items, unread, error, loaded, load, refreshUnread, markRead, clear }
})
