// Vite build of the dashboard: ui/ → ui/dist/, served by the gateway at / with its assets under /dashboard/.
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

/** The URL prefix of the built assets; src/http/dashboard.ts serves ui/dist/ under it. */
const ASSET_BASE = '/dashboard/';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: ASSET_BASE,
  plugins: [preact()],
  // The gateway's GraphQL endpoint is same-origin; `vite dev` proxies it to a running `npm run sandbox`.
  server: { proxy: { '/graphql': { target: 'http://127.0.0.1:4000', ws: true } } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 400, reportCompressedSize: false },
  logLevel: 'warn',
});
