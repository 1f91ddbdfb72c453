import { createDefu } from 'defu'
import { createRouter, toRouteMatcher } from 'radix3'
import type { NuxtSecurityRouteRules } from 'nuxt-security'

type Rules = NuxtSecurityRouteRules & { headers?: Record<string, unknown> }

/** nuxt-security's own merge: a later route's array replaces an earlier one's. */
const mergeReplacingArrays = createDefu((target, key, value) => {
  const record = target as Record<PropertyKey, unknown>
  if (Array.isArray(record[key]) || Array.isArray(value)) {
    record[key] = value
    return true
  }
})

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const inner of Object.values(value)) deepFreeze(inner)
  }
  return value
}

/**
 * The security rules of a path, resolved as nuxt-security resolves them (every route pattern that
 * matches, the most specific last), but once per set of matching routes rather than once per
 * request: the module clones all its route options and builds a router from the clone for every
 * request, which was a fifth of the server's time on a cached read. Only the routes a path
 * matches decide its rules, so there are as many resolutions as such sets, a handful.
 *
 * The resolved rules are frozen; each request gets its own copy of the top level and of
 * `headers`, the one part the module writes per request (the policy with the page's nonce and
 * hashes). A write anywhere else would throw rather than leak into another request.
 */
export function securityRulesResolver(options: Record<string, Rules>) {
  const routes = structuredClone(options)
  const matcher = toRouteMatcher(createRouter({ routes }))
  const names = createRouter({ routes: Object.fromEntries(Object.keys(routes).map(name => [name, { name }])) })
  const order = new Map(Object.values(routes).map((rules, i) => [rules, i]))
  const resolved = new Map<string, Rules>()

  return (path: string): { rules: Rules, route: string } => {
    const matches = path ? matcher.matchAll(path) as Rules[] : []
    const key = matches.map(rules => order.get(rules)).join(',')
    let rules = resolved.get(key)
    if (!rules) resolved.set(key, rules = deepFreeze(mergeReplacingArrays({}, ...structuredClone(matches).reverse()) as Rules))
    const route = (path ? names.lookup(path)?.name : undefined) ?? ''
    return { rules: { ...rules, ...(rules.headers ? { headers: { ...rules.headers } } : {}) }, route }
  }
}
