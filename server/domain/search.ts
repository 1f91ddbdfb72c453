/** Escapes a value for a LIKE pattern that uses `escape '\'`. */
export function likeEscape(text: string): string {
  return text.replace(/[%_\\]/g, c => `\\${c}`)
}
