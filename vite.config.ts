import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { mnistPlugin } from './tools/vite-mnist.ts';

export default defineConfig({
  plugins: [react(), mnistPlugin()],
  worker: { format: 'es' },
  // Dependencies imported lazily are listed so that the dev server pre-bundles them at start;
  // otherwise their first import makes Vite re-optimise and reload the page mid-session.
  optimizeDeps: { include: ['@dagrejs/dagre'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
});
