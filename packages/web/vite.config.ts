import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const page = (name: string) => fileURLToPath(new URL(`./${name}`, import.meta.url));

// In development (`npm run dev`) the API runs on 3000 and Vite proxies to it; in production the server serves dist/.
export default defineConfig({
  plugins: [react()],
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000' } },
  // Two entries: the app, and the citizens' rating page (rate.html, no React, a small download on a phone).
  build: {
    outDir: 'dist',
    // scripts/after-build.mjs reads the manifest: it holds the entry's chunks to the JavaScript budget.
    manifest: true,
    rollupOptions: { input: { main: page('index.html'), rate: page('rate.html') } },
  },
});
