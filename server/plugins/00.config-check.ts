// The production server must not run with a guessable signing key: anyone could mint tokens.
export default defineNitroPlugin(() => {
  if (import.meta.dev) return
  const reason = weakSecretReason(useRuntimeConfig().jwtSecret)
  if (reason) {
    console.error(`[influencia] Refusing to start: ${reason}. Set a random secret of 32+ characters, e.g. \`openssl rand -base64 48\`.`)
    process.exit(1)
  }
})
