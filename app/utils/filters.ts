import { FILTER_OPTIONS } from './labels'

/** The values of the `flagged` filter, as both the URL and the API spell them. */
export const FLAGGED_VALUES = ['true', 'false'] as const

/** The admin lists' "Flagged" select (a FilterBar field). */
export const FLAGGED_FILTER = {
  kind: 'select',
  key: 'flagged',
  label: 'Flagged',
  options: FILTER_OPTIONS.flagged,
  any: 'Flagged or not',
  icon: 'i-lucide-flag',
} as const
