import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the web app talks to the gateway through Vite's proxy under /api, so the
// browser sees one origin; production serves the built files behind the same path layout.
const gateway = process.env.LIQPASS_GATEWAY_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: { '/api': { target: gateway, changeOrigin: true, rewrite: (path) => path.replace(/^\/api/, '') } },
  },
  preview: { host: '127.0.0.1', port: 5173, strictPort: true },
});
