import type { NuxtSecurityRouteRules } from 'nuxt-security'

/**
 * The parts of nuxt-security's rules that come from the environment, read when the server starts
 * (its options in nuxt.config are fixed at build time):
 * - the body limit, NUXT_MAX_BODY_BYTES;
 * - CORS for the API, open only to the origins NUXT_CORS_ORIGINS lists. Those callers use bearer
 *   tokens: cookies are never sent across sites (SameSite=Lax, and the request guard refuses a
 *   cookie-carrying cross-site write), so credentials stay off.
 * It also allows the inline scripts of pages rendered without a nonce by their hashes, and hands
 * the module each request's rules resolved once per route (utils/security-rules.ts).
 */
export default defineNitroPlugin((nitroApp) => {
  const config = useRuntimeConfig()
  const origins = corsOrigins(config.corsOrigins)
  let securityOptions: Record<string, NuxtSecurityRouteRules> | undefined
  let resolveRules: ReturnType<typeof securityRulesResolver> | undefined

  nitroApp.hooks.hook('nuxt-security:routeRules', (rules: Record<string, NuxtSecurityRouteRules>) => {
    securityOptions = rules
    // The module refuses a body of exactly its limit; ours is the largest size still accepted.
    const limit = config.maxBodyBytes + 1
    rules['/**'] = { ...rules['/**'], requestSizeLimiter: { maxRequestSizeInBytes: limit, maxUploadFileRequestInBytes: limit } }
    if (origins.length) {
      rules['/api/**'] = {
        ...rules['/api/**'],
        corsHandler: {
          origin: origins,
          methods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'],
          allowHeaders: ['authorization', 'content-type', 'last-event-id'],
          exposeHeaders: ['retry-after', 'x-cache'],
          credentials: false,
          maxAge: '600',
          preflight: { statusCode: 204 },
        },
      }
    }
  })

  // Registered before the module's own plugins, so its hooks and middleware find the rules here
  // and skip resolving them again. Built at the first request, once every plugin has had its say.
  nitroApp.hooks.hook('request', (event) => {
    if (!securityOptions) return
    resolveRules ??= securityRulesResolver(securityOptions)
    event.context.security = { ...event.context.security, ...resolveRules(event.path.split('?')[0]!) }
  })

  // The public pages carry no nonce (one rendering serves every visitor from the page cache), yet
  // the colour-mode switch is an inline script on every page: it is allowed by its hash, and the
  // page cache keeps the policy with the page so a cached copy is allowed the same
  // (plugins/04.page-cache.ts). Read from the finished HTML, after every module has added its part.
  nitroApp.hooks.hook('render:response', (response, { event }) => {
    if (event.context.security?.nonce || event.context.security?.hashes || typeof response.body !== 'string') return
    allowScriptHashes(event, inlineScriptHashes(response.body))
  })
})

/** `https://a.example, https://b.example` as origins (scheme, host and port, no path). */
function corsOrigins(setting: unknown): string[] {
  const list = Array.isArray(setting) ? setting.map(String) : String(setting ?? '').split(',')
  return list.map(origin => origin.trim().replace(/\/+$/, '')).filter(Boolean)
}
