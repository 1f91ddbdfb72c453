// The browser tests drive Debian's Chromium (Playwright cannot download its own browser here).
// Finds it, or installs it when running as root, or stops with instructions.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean)
if (candidates.some(p => existsSync(p))) process.exit(0)

if (process.getuid?.() === 0) {
  console.log('Chromium not found: installing Debian\'s chromium package for the browser tests…')
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
  process.exit(0)
}
console.error('The browser tests need Chromium. Install it (`sudo apt-get install chromium`) or set CHROMIUM_PATH to a Chromium or Chrome binary.')
process.exit(1)
