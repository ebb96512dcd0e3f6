import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * The dev server injects inline scripts and styles (React refresh, HMR) and talks over a
 * WebSocket; the built app needs none of that. Only `npm run dev` gets the looser policy.
 */
const devServerCsp: Plugin = {
  name: 'azho-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html
      .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
      .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
      .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*"),
};

export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        // The core runs in a worker thread beside the shell; both are built here.
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          coreWorker: resolve(__dirname, 'src/core/runtime/worker.ts'),
          // Training starts the simulated state systems beside the app, run by Electron as Node.
          simulator: resolve(__dirname, 'src/simulator/cli.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot use ESM or require our own modules: one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react(), devServerCsp],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
