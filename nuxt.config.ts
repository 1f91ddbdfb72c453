import { cp } from 'node:fs/promises'
import { join } from 'node:path'
import type { Nitro, NitroConfig, NitroRouteConfig } from 'nitropack'
import type { NuxtConfig, NuxtModule } from 'nuxt/schema'
import { LEGACY_ROUTES } from './server/legacy-routes'
import { scheduledTasks } from './shared/jobs'
import { PUBLIC_PAGES } from './shared/public-pages'

// Checked against Nitro's own config type: type-checking this file alone, Nuxt's config type only
// knows a reduced set of Nitro's options (hence the cast where it is used).
const nitro: NitroConfig = {
  compressPublicAssets: true,
  experimental: { tasks: true },
  scheduledTasks: scheduledTasks(),
  hooks: {
    // The production server needs two real folders next to its entry point: drizzle's
    // migrations (migrate() reads files, not bundled assets) and the password worker.
    async compiled(built: Nitro) {
      if (built.options.dev) return
      const serverDir = built.options.output.serverDir
      await cp(join(built.options.rootDir, 'drizzle'), join(serverDir, 'drizzle'), { recursive: true })
      await cp(join(built.options.rootDir, 'server/workers'), join(serverDir, 'workers'), { recursive: true })
    },
  },
}

/**
 * Keeps `onServerPrefetch` in the client bundle. Nuxt strips it there, but Vue counts a component
 * with server-prefetch hooks as an async boundary when it numbers `useId()`s: with the hook only on
 * the server (every @nuxt/icon icon registers one), ids rendered by the server and ids used after
 * hydration drift apart and form labels lose their inputs (vuejs/core#12591). Registered on the
 * client, the hook never runs; it only keeps the numbering the same on both sides.
 */
const sameIdsOnServerAndClient: NuxtModule = (_options, nuxt) => {
  const shaken = nuxt.options.optimization.treeShake.composables.client
  if (shaken.vue) shaken.vue = shaken.vue.filter(name => name !== 'onServerPrefetch')
}

/**
 * A page that ships no JavaScript. It gets no nonce: one rendering is cached and served to every
 * visitor (server/plugins/04.page-cache.ts), and a nonce shared by everyone would be no secret.
 * Its policy allows no script file, only the inline scripts it carries, by their hashes (added
 * as it is rendered, server/plugins/00.security.ts); JSON-LD is data, which a policy does not govern.
 * It is not cross-origin isolated either: the opener and embedder policies guard a window's script
 * state, which a page with no script and no one's data does not have, and they cost every visit a
 * fresh renderer process (about 150–300 ms of blocked main thread on a mid-range phone). Pages with
 * scripts keep both.
 */
const noScriptPage = {
  noScripts: true,
  ssr: true,
  security: {
    nonce: false,
    headers: { contentSecurityPolicy: { 'script-src': [] }, crossOriginOpenerPolicy: false, crossOriginEmbedderPolicy: false },
  },
}

/**
 * An API answer or a bundle: no nonce, as it has no inline script to allow (making one per
 * request was a quarter of the server's time on a cached read).
 */
const notRendered: NitroRouteConfig = { security: { nonce: false } }

export default defineNuxtConfig({
  compatibilityDate: '2026-11-01',
  modules: ['@nuxt/eslint', '@nuxt/ui', '@pinia/nuxt', '@nuxtjs/robots', '@nuxtjs/sitemap', 'nuxt-schema-org', 'nuxt-security', sameIdsOnServerAndClient],
  devtools: { enabled: false },
  // The original service's paths, each registered to the handler of its new twin.
  serverHandlers: LEGACY_ROUTES,
  // Hydration mismatches are reported in production too (a few hundred bytes): the browser tests
  // fail on any, so a server/client difference cannot slip in unseen.
  debug: { hydration: true },
  telemetry: false,
  css: ['~/assets/css/main.css'],

  app: {
    head: {
      htmlAttrs: { lang: 'en' },
      link: [{ rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }],
    },
  },

  ui: {
    // @nuxt/fonts would call font providers on the internet at build time; Inter ships from npm.
    fonts: false,
    experimental: { componentDetection: true },
  },

  icon: {
    // Icons come only from the installed @iconify-json collections: nothing is fetched at run time.
    fallbackToApi: false,
    provider: 'none',
    serverBundle: { collections: ['lucide'] },
    clientBundle: {
      // The default scan reads templates only; icon names also sit in .ts files (navigation data,
      // the notification texts in shared/).
      scan: { globInclude: ['**/*.{vue,jsx,tsx,md,mdc,mdx,yml,yaml}', 'app/**/*.ts', 'shared/**/*.ts'] },
      sizeLimitKb: 512,
    },
  },

  colorMode: { preference: 'system', fallback: 'light' },

  // Public pages ship no JavaScript: complete in the HTML, fast on any phone, and the same for
  // every visitor (see shared/public-pages.ts). `ssr: true` is the default, stated because
  // nuxt-site-config 4.2 reads a missing `ssr` rule as "no SSR" and then adds an inline script.
  routeRules: {
    ...Object.fromEntries(PUBLIC_PAGES.map(page => [page, noScriptPage])),
    // The server renders an error page through an internal request to this path, whatever page
    // failed: a public page's 404 must ship no JavaScript either. Error pages are links only.
    '/__nuxt_error': noScriptPage,
    '/api/**': notRendered,
    '/_nuxt/**': notRendered,
  },

  // Response headers, CSP, CORS and the request size limit. Runtime parts (the CORS allow-list,
  // the body limit from NUXT_MAX_BODY_BYTES, the public pages' script hashes) are set in
  // server/plugins/00.security.ts; SECURITY.md says what is enforced where.
  security: {
    headers: {
      contentSecurityPolicy: {
        'default-src': ["'self'"],
        'base-uri': ["'none'"],
        'object-src': ["'none'"],
        'frame-ancestors': ["'none'"],
        'form-action': ["'self'"],
        // Nuxt's inline scripts (the config and the colour-mode switch) carry this request's
        // nonce; bundles come from our own origin. Nothing else runs.
        'script-src': ["'self'", "'nonce-{{nonce}}'"],
        'script-src-attr': ["'none'"],
        // @nuxt/ui and its popovers, menus and transitions write `style` attributes at run time
        // (positions, sizes, CSS variables): attributes cannot carry a nonce, so styles need
        // 'unsafe-inline'. A style cannot run code; scripts stay nonce-only.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        // The API and the live event stream are on our own origin.
        'connect-src': ["'self'"],
        'manifest-src': ["'self'"],
        'worker-src': ["'self'"],
        // Every resource is our own already; with this a server run over plain http (which
        // NUXT_COOKIE_SECURE=false allows) would have every asset redirected to https and fail.
        'upgrade-insecure-requests': false,
      },
      referrerPolicy: 'strict-origin-when-cross-origin',
      xFrameOptions: 'DENY',
      strictTransportSecurity: { maxAge: 31_536_000, includeSubdomains: true },
    },
    // Our own login and password-reset limiters count per account and per client in Redis.
    rateLimiter: false,
    // It refuses any body with HTML-like text, which campaign briefs and messages may carry;
    // pages render text escaped instead.
    xssValidator: false,
    // Closed unless NUXT_CORS_ORIGINS lists origins (enabled for /api at start).
    corsHandler: false,
    // Set from NUXT_MAX_BODY_BYTES at start (server/plugins/00.security.ts).
    requestSizeLimiter: { maxRequestSizeInBytes: 65_537, maxUploadFileRequestInBytes: 65_537 },
    // Vue's hydration-mismatch reports must reach the console (the browser tests fail on them).
    removeLoggers: false,
  },
  $development: {
    // HSTS would pin localhost to https for a year in the developer's browser.
    security: { headers: { strictTransportSecurity: false } },
  },

  // The site's address and name for canonical URLs, the sitemap, robots.txt and JSON-LD come from
  // runtimeConfig.public.site (NUXT_PUBLIC_SITE_URL, NUXT_PUBLIC_SITE_NAME), read when the server starts.
  robots: {
    disallow: ['/admin', '/sponsor', '/influencer', '/api/'],
    // Each page says it in its robots meta tag; a header worked out from the path alone would
    // say "index" on a missing campaign's 404.
    header: false,
    // Its bot detection (a plugin in every hydrated page) is not used here.
    botDetection: false,
  },
  sitemap: {
    // The app's own routes are dashboards and forms: the sitemap lists the public pages by hand
    // and each public campaign from the database.
    excludeAppSources: true,
    urls: ['/', '/campaigns'],
    sources: ['/api/__sitemap__/campaigns'],
    // No cache until writes can invalidate one: a flagged or cancelled campaign leaves at once.
    cacheMaxAgeSeconds: false,
    credits: false,
  },
  // The site itself (name and address from the site config) is the organisation behind every page.
  schemaOrg: { identity: 'Organization' },

  runtimeConfig: {
    dbPath: '.data/influencia.sqlite',
    /** postgres://… runs on PostgreSQL instead of the SQLite file. */
    databaseUrl: '',
    databasePoolSize: 10,
    databaseStatementTimeoutMs: 10_000,
    /** NUXT_EXPORTS_DIR: where CSV exports are written; empty means an `exports` folder beside the database. */
    exportsDir: '',
    migrationsDir: '',
    redisUrl: '',
    redisPrefix: 'influencia',
    /** NUXT_TZ: the time zone campaign dates are days in (an IANA name). */
    tz: 'UTC',
    /** NUXT_REMINDER_HOUR: the hour (0–23, in NUXT_TZ) the daily reminders go out. */
    reminderHour: 18,
    /** NUXT_REMINDER_IDLE_DAYS: days away after which an influencer is reminded with nothing waiting. */
    reminderIdleDays: 7,
    jwtSecret: '',
    jwtIssuer: 'influencia',
    jwtAudience: 'influencia-app',
    accessTokenTtl: 900,
    refreshTokenTtl: 60 * 60 * 24 * 30,
    cookieSecure: '',
    trustProxy: false,
    bcryptCost: 10,
    loginMaxFailuresPerAccount: 5,
    loginMaxAttemptsPerClient: 30,
    loginWindowSeconds: 900,
    passwordResetMaxPerEmail: 3,
    passwordResetMaxPerClient: 10,
    passwordResetWindowSeconds: 900,
    maxBodyBytes: 65536,
    /** NUXT_CORS_ORIGINS: origins (comma-separated) whose pages may call the API; empty means none. */
    corsOrigins: '',
    /** An SMTP URL (`smtp://…`, `smtps://user:pass@host:465`); without one, e-mail stays in the outbox table. */
    smtpUrl: '',
    mailFrom: 'Influencia <no-reply@influencia.example>',
    seedDemo: '',
    /** Seconds between keep-alive comments on live event streams (proxies close idle connections after 30–60 s). */
    liveHeartbeatSeconds: 25,
    adminPassword: '',
    public: {
      site: { url: 'http://localhost:3000', name: 'Influencia' },
    },
  },

  nitro: nitro as NuxtConfig['nitro'],

  // Generates .nuxt/eslint.config.mjs (extended by eslint.config.mjs). The stylistic options are
  // the ones the code was already written in, stated so the choice is visible.
  eslint: {
    config: {
      stylistic: {
        indent: 2,
        quotes: 'single',
        semi: false,
        braceStyle: 'stroustrup',
        arrowParens: false,
        commaDangle: 'always-multiline',
        quoteProps: 'consistent-as-needed',
        blockSpacing: true,
      },
      // The keys above are grouped by concern, each group with the comment that explains it;
      // Nuxt's canonical order would scatter them.
      nuxt: { sortConfigKeys: false },
    },
  },

  // `nuxt typecheck` also checks what runs on Node outside Nuxt: the tests (the schema-parity
  // test's assertions only the compiler sees), the scripts and the benchmark.
  typescript: {
    strict: true,
    nodeTsConfig: { include: ['../bench/**/*.ts', '../scripts/**/*.ts', '../tests/**/*.ts', '../*.config.ts'] },
  },
})
