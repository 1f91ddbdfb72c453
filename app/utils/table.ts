// What the dashboard tables share: the bordered list look, and columns that only show from a
// screen width up (on a phone the row's first cell repeats what they would say).

/** UTable's `ui` for the main lists: rounded header row, rows separated by lines. */
export const LIST_TABLE_UI = {
  base: 'border-separate border-spacing-0',
  thead: '[&>tr]:bg-elevated/50 [&>tr]:after:content-none',
  tbody: '[&>tr]:last:[&>td]:border-b-0',
  th: 'py-2 first:rounded-l-lg last:rounded-r-lg border-y border-default first:border-l last:border-r',
  td: 'border-b border-default align-middle',
  separator: 'h-0',
}

// Whole class names, written out: Tailwind only generates the classes it finds spelled in the source.
const column = (classes: string) => ({ class: { th: classes, td: classes } })

/** Column `meta` for columns shown from the small, medium or large breakpoint up. */
export const SHOWN_FROM = {
  sm: column('hidden sm:table-cell'),
  md: column('hidden md:table-cell'),
  lg: column('hidden lg:table-cell'),
  smRight: column('hidden sm:table-cell text-right'),
}
