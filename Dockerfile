# Production image: the Nitro build only, run by Node 24 as an unprivileged user.
FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV NUXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 NUXT_DB_PATH=/data/influencia.sqlite
RUN mkdir -p /data && chown node:node /data
COPY --from=build --chown=node:node /app/.output ./.output
USER node
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s \
  CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# Node flags: see SERVER_NODE_FLAGS in tests/support/built-server.ts.
CMD ["node", "--max-semi-space-size=16", "--heap-growing-percent=50", ".output/server/index.mjs"]
