import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

/**
 * Finds a folder or file that ships beside the server: next to the production entry point
 * (`.output/server/`, where the build copies it) or in the source tree during development.
 * `import.meta.url` cannot be used: inside a Nitro plugin it is a placeholder.
 */
export function bundledPath(builtName: string, sourcePath: string): string {
  const candidates = [
    resolve(dirname(process.argv[1] ?? ''), builtName),
    resolve(process.cwd(), sourcePath),
  ]
  const found = candidates.find(c => existsSync(c))
  if (!found) throw new Error(`Cannot find ${builtName}; looked in ${candidates.join(', ')}`)
  return found
}
