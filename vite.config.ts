import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { mnistPlugin } from './tools/vite-mnist';

export default defineConfig({
  plugins: [react(), mnistPlugin()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
});
