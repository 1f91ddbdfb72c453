import type { ButtonProps } from '@nuxt/ui'

type Option = { label: string, value: string }

/**
 * One control of a list's filter bar, bound to the URL query entry `key`. A select reports "no
 * filter" as undefined (its `any` entry); a sort shows the order the API applies when none is
 * chosen, and offers "Best match" while a search text is given.
 */
export type FilterField<K extends string> =
  | { kind: 'search', key: K, label: string, placeholder: string, class?: string }
  | { kind: 'select', key: K, label: string, options: Option[], any: string, icon?: string, class?: string }
  | { kind: 'sort', key: K, options: Option[], unsearched: string, class?: string }

/** A list with nothing in it, before any filter. */
export interface ListEmpty { icon: string, title: string, description: string, action?: ButtonProps }
/** A list that its filters emptied, when the default words do not fit. */
export interface ListEmptyFiltered { title: string, description: string, action?: string }
