/**
 * Reads an on/off setting. Environment overrides arrive parsed ("true" becomes true), while an
 * unset one keeps its '' default, which means "the usual for this mode".
 */
export function configFlag(value: unknown, whenUnset: boolean): boolean {
  if (value === '' || value === undefined || value === null) return whenUnset
  return value === true || value === 'true' || value === 1 || value === '1'
}
