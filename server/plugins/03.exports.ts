// Exports outlive a restart only as rows: a queued one is written now; a running one whose
// process died (a restart, a crash, another instance gone) is failed and its owner told, here and
// by a periodic check, since an instance cannot tell at start whether another one is still
// writing an export that looks recent.
const CHECK_EVERY_MS = 30_000

export default defineNitroPlugin((nitroApp) => {
  const check = () => failAbandonedExportsNow().catch(error => console.error('[exports:csv] checking for abandoned exports failed:', error))
  // Both read the exports table: not before the migrations have made it.
  databaseReady().then(() => {
    check()
    startExportWorker()
  }, () => {})
  const timer = setInterval(check, CHECK_EVERY_MS).unref()
  nitroApp.hooks.hook('close', () => clearInterval(timer))
})
