/** "1 deal", "3 deals": for the regular English plurals the pages and the server's texts count. */
export function countOf(count: number, noun: string): string {
  return `${count} ${count === 1 ? noun : `${noun}s`}`
}
