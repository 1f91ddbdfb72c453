import { isReminderHour, sendDailyReminders } from '../../domain/reminders'
import type { ReminderSettings } from '../../domain/reminders'

function reminderSettings(): ReminderSettings {
  const { reminderHour, reminderIdleDays } = useRuntimeConfig()
  return { hour: Number(reminderHour), idleDays: Number(reminderIdleDays) }
}

export default defineTask({
  meta: {
    name: 'reminders:daily',
    description: 'Reminds influencers of requests waiting for their answer, or of the platform after days away, once a day',
  },
  async run({ payload }) {
    const now = new Date()
    const settings = reminderSettings()
    // Fired hourly on the server's clock: only the evening hour in NUXT_TZ sends, the other hours record no run.
    if (!startedByHand(payload) && !isReminderHour(now, settings)) return {}
    const run = await runJob('reminders:daily', async at => ({ ...await sendDailyReminders(useDb(), at, settings) }), now)
    return { result: run }
  },
})
