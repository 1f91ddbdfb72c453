/**
 * Turns what a person typed into a safe FTS5 query: each word becomes a quoted prefix term,
 * all must match. Operators and quotes typed by the user are treated as plain text.
 */
export function ftsQuery(text: string): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu)?.slice(0, 8)
  if (!words?.length) return null
  return words.map(w => `"${w}"*`).join(' ')
}

/** Escapes a value for a LIKE pattern that uses `escape '\'`. */
export function likeEscape(text: string): string {
  return text.replace(/[%_\\]/g, c => `\\${c}`)
}
