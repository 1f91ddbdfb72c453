// Every state-changing request passes two checks before any handler runs:
// - it must not come from another site (a browser says so in Sec-Fetch-Site or Origin), which
//   keeps a cookie-authenticated user's browser from being used by a foreign page;
// - its body must be small. nuxt-security's request size limiter refuses a POST, PUT or DELETE
//   whose declared length is too big (limit set in server/plugins/00.security.ts); what it lets
//   through unchecked, a PATCH and a body sent without a declared length (chunked), is
//   measured here, so bigger ones are refused before a handler reads them.
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const SIZE_CHECKED_BY_MODULE = new Set(['POST', 'PUT', 'DELETE'])

export default defineEventHandler(async (event) => {
  if (!UNSAFE.has(event.method)) return
  const config = useRuntimeConfig()

  const fetchSite = getHeader(event, 'sec-fetch-site')
  const origin = getHeader(event, 'origin')
  const crossSite = fetchSite
    ? fetchSite === 'cross-site'
    : !!origin && originHost(origin) !== getRequestHost(event, { xForwardedHost: configFlag(config.trustProxy, false) })
  const carriesCookie = !!getCookie(event, ACCESS_COOKIE) || !!getCookie(event, REFRESH_COOKIE)
  const bearer = getHeader(event, 'authorization')?.startsWith('Bearer ')
  if (crossSite && (carriesCookie || !bearer)) {
    throw createError({ status: 403, statusText: 'Forbidden', message: 'Cross-site requests are not accepted' })
  }

  const declared = getHeader(event, 'content-length')
  if (declared !== undefined && SIZE_CHECKED_BY_MODULE.has(event.method)) return
  // Without a declared length (chunked upload) the body is read here; h3 keeps it for the handler.
  const size = declared !== undefined ? Number(declared) : Buffer.byteLength((await readRawBody(event, false)) ?? '')
  if (size > config.maxBodyBytes) {
    throw createError({ status: 413, statusText: 'Payload Too Large', message: `The request body is too large (max ${config.maxBodyBytes} bytes)` })
  }
})

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host
  }
  catch {
    return null
  }
}
