import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.RUCHE_API_URL ?? 'http://localhost:3000';

/**
 * The web app builds to <repo>/dist/web, which the api serves (see apps/api/src/bootstrap.ts).
 * `npm run build` runs this after `nest build api`, because nest build empties dist/ first.
 * In development, `vite --config apps/web/vite.config.ts` proxies /api and /socket.io to a running api.
 */
export default defineConfig({
  root: here,
  plugins: [react()],
  // The one lib the web app imports: shared wire types and constants (event map, error codes).
  resolve: {
    alias: { '@ruche/contracts': fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url)) },
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
  },
  server: {
    proxy: {
      '/api': apiTarget,
      '/socket.io': { target: apiTarget, ws: true },
    },
  },
});
