/**
 * Pages that anyone may see and that everyone sees the same: they ship no JavaScript and their
 * HTML says nothing about who asked (no session is read or refreshed for them), so one rendering
 * can serve every visitor and can be cached. Patterns as in route rules: `/**` is a whole subtree.
 */
export const PUBLIC_PAGES = ['/', '/campaigns', '/campaigns/**'] as const

export function isPublicPage(path: string): boolean {
  const clean = path.replace(/[?#].*$/, '').replace(/(.)\/+$/, '$1')
  return PUBLIC_PAGES.some(page => page.endsWith('/**') ? clean.startsWith(page.slice(0, -2)) : clean === page)
}
