import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API server listens on 3000 in development; everything it owns is proxied so the
// browser sees one origin and the session cookie and CSRF header work as in production.
const apiServer = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd alone is close to 1 MB minified; the pages are split with React.lazy, so the
    // warning would only repeat what we already know about the vendor chunk.
    chunkSizeWarningLimit: 1500,
    // Two entries: the console app, and the payer's cashier (/q/*), which must stay small on a
    // phone's network and so shares nothing with the console but React and the H5 pieces.
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        cashier: fileURLToPath(new URL('./cashier.html', import.meta.url)),
      },
    },
    // scripts/measure-cashier-bundle.mjs reads the chunk graph from the manifest.
    manifest: true,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': apiServer,
      '/docs': apiServer,
      '/openapi.json': apiServer,
      '/healthz': apiServer,
    },
  },
  preview: {
    port: 4173,
  },
});
