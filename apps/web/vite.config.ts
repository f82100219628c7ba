import react from '@vitejs/plugin-react-swc';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The web app is built into dist/web, which the API serves at `/`. `npm run dev:web` serves it
 * with hot reload on :5173 and proxies the API's paths to a running `npm start` (API_URL).
 */
const api = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: __dirname,
  plugins: [react()],
  build: {
    outDir: resolve(__dirname, '../../dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      // The shared libraries are pure (libs/domain's purity test): what the app does not use
      // of an entry point (the state machine behind libs/approval's wording) is left out.
      treeshake: { moduleSideEffects: (id) => !id.includes('/libs/') },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': api, '/docs': api, '/health': api },
  },
});
