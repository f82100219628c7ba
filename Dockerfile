# One image for both processes: `node dist/apps/api/src/main.js` or `.../worker/src/main.js`.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/setup.js scripts/setup.js
# The image connects to a real Temporal cluster: no dev-server CLI, no test server.
ENV TEMPORAL_SKIP_SETUP=1
RUN npm ci
COPY . .
# tsc, the workflow bundle (dist/workflow-bundle.js) and the web app (dist/web); the worker loads the bundle under
# NODE_ENV=production instead of bundling at every start.
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production TEMPORAL_SKIP_SETUP=1
# The CJK font of receipt and result PDFs comes from npm (@embedpdf/fonts-sc in node_modules).
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/scripts/setup.js ./scripts/setup.js
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
