import { createHash } from 'node:crypto'
import type { H3Event } from 'h3'

// An inline script a browser runs: no src, and no type or a JavaScript one (JSON-LD and Nuxt's
// JSON payload are data, which a policy does not govern).
const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/gi
const DATA_TYPE = /\btype=["']?(?!(?:text\/javascript|module)["'\s>])[^"'\s>]+/i

/** The CSP sources (`'sha256-…'`) that allow exactly the inline scripts of an HTML text. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>()
  for (const [, attributes, code] of html.matchAll(INLINE_SCRIPT)) {
    if (!code || DATA_TYPE.test(attributes ?? '')) continue
    hashes.add(`'sha256-${createHash('sha256').update(code).digest('base64')}'`)
  }
  return [...hashes]
}

/** Adds script hashes to this response's policy (nuxt-security writes them into its script-src). */
export function allowScriptHashes(event: H3Event, hashes: Iterable<string>) {
  const security = (event.context.security ??= {})
  security.hashes ??= { script: new Set<string>(), style: new Set<string>() }
  for (const hash of hashes) security.hashes.script.add(hash)
}
