import type { ProfileUpdateInput } from '#shared/schemas/profile'
import type { ClientRules, FormErrorTarget } from './useFormServerErrors'

/**
 * Saves the profile editors (PATCH /api/me/profile): field errors go onto the form, anything else
 * becomes `message` for the alert above it; success refreshes the logged-in user everywhere
 * (sidebar, dashboard) and says so.
 */
export function useProfileSave(
  form: Readonly<Ref<FormErrorTarget | null | undefined>>,
  state: MaybeRefOrGetter<object>,
  clientRules: ClientRules,
) {
  const { $api } = useNuxtApp()
  const auth = useAuthStore()
  const toast = useToast()
  const { message, show, clear, formProps } = useFormServerErrors(form, state, clientRules)
  const saving = ref(false)

  async function save(body: ProfileUpdateInput): Promise<void> {
    clear()
    saving.value = true
    try {
      await $api('/api/me/profile', { method: 'PATCH', body })
      // The change is saved whatever happens here; a failed refresh only delays the new name
      // in the sidebar until the next page load, which is no reason to report a failed save.
      await auth.fetchMe().catch(() => null)
      toast.add({ title: 'Profile saved', color: 'success', icon: 'i-lucide-check' })
    }
    catch (error) {
      show(error)
    }
    finally {
      saving.value = false
    }
  }

  return { saving, message, save, formProps }
}
