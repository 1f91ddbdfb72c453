/**
 * The layers and the way their imports run (see README, "Architecture"):
 * pages → API only; handlers → domain → database; shared imports neither side.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-knows-no-http',
      comment: 'Business rules are plain functions: no handlers, no Nitro utils, no h3.',
      severity: 'error',
      from: { path: '^server/domain/' },
      to: { path: ['^server/(api|routes|middleware|plugins|utils|tasks|live)/', '(^|/)node_modules/(h3|nitropack)/'] },
    },
    {
      name: 'database-knows-no-rules',
      comment: 'The database layer holds schema, connection and seed data, never business rules or HTTP.',
      severity: 'error',
      from: { path: '^server/database/' },
      to: { path: ['^server/(api|routes|middleware|plugins|utils|tasks|domain|live)/', '(^|/)node_modules/(h3|nitropack)/'] },
    },
    {
      name: 'shared-stays-neutral',
      comment: 'shared/ is imported by both sides, so it imports neither.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: ['^(app|server)/', '(^|/)node_modules/(vue|h3|nitropack|drizzle-orm|better-sqlite3)/'] },
    },
    {
      name: 'pages-reach-data-through-the-api',
      comment: 'The Vue side never imports server code.',
      severity: 'error',
      from: { path: '^app/' },
      to: { path: '^server/' },
    },
    {
      name: 'live-streams-serve-handlers',
      comment: 'The live-update plumbing is used by handlers and plugins, never the other way round.',
      severity: 'error',
      from: { path: '^server/live/' },
      to: { path: '^server/(api|routes|middleware|plugins|tasks)/' },
    },
    {
      name: 'tasks-call-the-domain',
      comment: 'Scheduled tasks call domain functions, never a handler.',
      severity: 'error',
      from: { path: '^server/tasks/' },
      to: { path: '^server/(api|routes)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(\\.nuxt|\\.output|node_modules)/' },
    tsPreCompilationDeps: true,
    extraExtensionsToScan: ['.vue'],
    enhancedResolveOptions: { extensions: ['.ts', '.mjs', '.js', '.vue', '.json'] },
  },
}
