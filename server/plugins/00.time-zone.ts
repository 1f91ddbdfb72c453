import { setPlatformTimeZone } from '../domain/calendar'

// Campaign dates are days in NUXT_TZ; a misspelt zone must stop the start, not shift every date.
export default defineNitroPlugin(() => {
  const { tz } = useRuntimeConfig()
  try {
    setPlatformTimeZone(tz)
  }
  catch {
    console.error(`[influencia] Refusing to start: NUXT_TZ="${tz}" is not a time zone (use an IANA name such as Europe/Paris or UTC).`)
    process.exit(1)
  }
})
