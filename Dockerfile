# syntax=docker/dockerfile:1
# One image pattern for every LiqPass Node service, plus the web app and a local anvil.
#
#   docker build --build-arg SERVICE=policy -t liqpass/policy .      # any name in libs/config SERVICES
#   docker build --target web -t liqpass/web .                       # static web app behind nginx
#
# docker-compose.yml builds all of them. The service image runs
# `node dist/apps/$SERVICE/src/main.js` as the unprivileged `node` user, configured only through
# the environment variables its schema in libs/config/src/service-settings.ts reads.

# Node 20 is what the project's engines field and CI use; override to try another.
ARG NODE_IMAGE=node:20-bookworm-slim
ARG NGINX_IMAGE=nginxinc/nginx-unprivileged:1.27-alpine

# ---- every dependency, for building (and for anvil, which ships inside an npm package) ----
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# Install scripts stay off, as on the developers' machines: the native parts (SWC, Vite, anvil)
# ship as prebuilt platform packages.
RUN npm ci --ignore-scripts --no-audit --no-fund

# ---- compile every Node project to CommonJS in dist/ (scripts/build.mjs, SWC) ----
FROM deps AS build
COPY . .
RUN node scripts/build.mjs

# ---- runtime dependencies only ----
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

# ---- the web app's static files (apps/web, `vite build` → apps/web/dist) ----
FROM build AS web-build
RUN cd apps/web && npx vite build

FROM ${NGINX_IMAGE} AS web
ENV LIQPASS_GATEWAY_URL=http://api-gateway:3000
COPY infra/web/default.conf.template /etc/nginx/templates/default.conf.template
COPY --from=web-build /app/apps/web/dist /usr/share/nginx/html
EXPOSE 8080

# ---- anvil for the local/demo compose profiles: the same npm build the local stack runs ----
FROM deps AS anvil
USER node
EXPOSE 8545
ENTRYPOINT ["/app/node_modules/.bin/anvil"]
CMD ["--host", "0.0.0.0", "--port", "8545", "--chain-id", "31337", "--block-time", "1"]

# ---- a service (the default target): slim, non-root, one app ----
FROM ${NODE_IMAGE} AS service
WORKDIR /app
# Inside a container the service must listen on every interface, not the local-stack default.
ENV HTTP_HOST=0.0.0.0
COPY --from=prod-deps /app/node_modules ./node_modules
COPY package.json ./
COPY --from=build /app/dist/libs ./dist/libs
ARG SERVICE
COPY --from=build /app/dist/apps/${SERVICE} ./dist/apps/${SERVICE}
COPY infra/docker/select-service.cjs infra/docker/healthcheck.cjs ./infra/docker/
RUN SERVICE="${SERVICE}" node infra/docker/select-service.cjs
USER node
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 CMD ["node", "infra/docker/healthcheck.cjs"]
# The flags of SERVICE_NODE_FLAGS (libs/config/src/services.ts): keep the two together.
CMD ["node", "--max-old-space-size=128", "--enable-source-maps", "dist/main.js"]
