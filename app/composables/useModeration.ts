import type { ButtonProps } from '@nuxt/ui'

interface Outcome {
  title: string
  description?: string
}

interface Question {
  title: string
  description: string
  confirmLabel: string
  color?: ButtonProps['color']
  askReason?: boolean
}

/**
 * Runs an admin's moderation action on a row: at once (`now`), or after a confirmation dialog
 * (`ask`, bound to AdminConfirmModal through `dialog`). Success shows a toast and calls `onDone`
 * so the list reloads; failure shows the server's message, in a toast or in the dialog.
 */
export function useModeration(onDone: () => unknown) {
  const toast = useToast()
  /** The id of the row whose action is under way, to show it busy. */
  const busy = ref<number | null>(null)
  const dialog = reactive<Question & { open: boolean, run: (reason?: string) => Promise<unknown> }>({
    open: false,
    title: '',
    description: '',
    confirmLabel: '',
    run: async () => {},
  })

  async function succeed(task: () => Promise<unknown>, outcome: Outcome) {
    await task()
    toast.add({ ...outcome, color: 'success', icon: 'i-lucide-circle-check' })
    await onDone()
  }

  async function now(id: number, failure: string, task: () => Promise<unknown>, outcome: Outcome) {
    busy.value = id
    try {
      await succeed(task, outcome)
    }
    catch (error) {
      toast.add({ title: failure, description: describeApiError(error).message, color: 'error', icon: 'i-lucide-circle-alert' })
    }
    finally {
      busy.value = null
    }
  }

  function ask(question: Question, task: (reason?: string) => Promise<unknown>, outcome: Outcome) {
    Object.assign(dialog, { color: undefined, askReason: false }, question, {
      open: true,
      run: (reason?: string) => succeed(() => task(reason), outcome),
    })
  }

  return { busy, dialog, now, ask }
}
