import { cp } from 'node:fs/promises'
import { join } from 'node:path'

export default defineNuxtConfig({
  compatibilityDate: '2026-11-01',
  modules: ['@nuxt/ui', '@pinia/nuxt'],
  devtools: { enabled: false },
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
      // The default scan reads templates only; icon names also sit in app/ .ts files (navigation data).
      scan: { globInclude: ['**/*.{vue,jsx,tsx,md,mdc,mdx,yml,yaml}', 'app/**/*.ts'] },
      sizeLimitKb: 512,
    },
  },

  colorMode: { preference: 'system', fallback: 'light' },

  runtimeConfig: {
    dbPath: '.data/influencia.sqlite',
    migrationsDir: '',
    redisUrl: '',
    redisPrefix: 'influencia',
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
    maxBodyBytes: 65536,
    seedDemo: '',
    adminPassword: '',
    public: {
      siteUrl: 'http://localhost:3000',
      siteName: 'Influencia',
    },
  },

  nitro: {
    compressPublicAssets: true,
    experimental: { tasks: true },
    hooks: {
      // The production server needs two real folders next to its entry point: drizzle's
      // migrations (migrate() reads files, not bundled assets) and the password worker.
      async compiled(nitro) {
        if (nitro.options.dev) return
        const serverDir = nitro.options.output.serverDir
        await cp(join(nitro.options.rootDir, 'drizzle'), join(serverDir, 'drizzle'), { recursive: true })
        await cp(join(nitro.options.rootDir, 'server/workers'), join(serverDir, 'workers'), { recursive: true })
      },
    },
  },

  typescript: { strict: true },
})

