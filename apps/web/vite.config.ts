import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const here = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.RUCHE_API_URL ?? 'http://localhost:3000';

/**
 * The web app builds to <repo>/dist/web, which the api serves (see apps/api/src/bootstrap.ts).
 * `npm run build` runs this after `nest build api`, because nest build empties dist/ first.
 * In development, `vite --config apps/web/vite.config.ts` proxies /api and /socket.io to a running api.
 */
export default defineConfig({
  root: here,
  plugins: [
    react(),
    // Installable (#16): the manifest, and src/sw.ts built to /sw.js with the shell's files to precache.
    // Registered by the app itself (push/registerServiceWorker.ts), over https or on localhost only.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      injectRegister: false,
      manifest: {
        name: 'Ruche',
        short_name: 'Ruche',
        description: "Your company's social network",
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f6f4ef',
        theme_color: '#8a4500',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      injectManifest: { globPatterns: ['**/*.{js,css,html,svg,png,woff2}'], rollupFormat: 'iife' },
      devOptions: { enabled: false },
    }),
  ],
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
