import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const roomCrypto = fileURLToPath(new URL('./renderer/sync/room-crypto.ts', import.meta.url));
const Y_WEBRTC_MAIN = /[\\/]node_modules[\\/]y-webrtc[\\/]src[\\/]y-webrtc\.js$/;

/**
 * y-webrtc's `import * as cryptoutils from './crypto.js'` resolves to
 * renderer/sync/room-crypto.ts, which falls back to pure JS where Web Crypto is
 * missing (a browser on the LAN host's plain-http page). Keyed on the importer,
 * so nothing else named crypto.js is touched and y-webrtc stays unpatched on
 * disk; bench/build-bare.mjs bundles stock y-webrtc on purpose.
 */
export const yWebrtcRoomCrypto = (): Plugin => ({
  name: 'warroom:y-webrtc-room-crypto',
  enforce: 'pre',
  resolveId(source, importer) {
    return source === './crypto.js' && importer !== undefined && Y_WEBRTC_MAIN.test(importer) ? roomCrypto : null;
  },
});

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  // Relative asset URLs so the same build loads from app://, file:// or any HTTP path.
  base: './',
  plugins: [react(), yWebrtcRoomCrypto()],
  resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(process.env.npm_package_version ?? 'dev') },
  // The dev server pre-bundles y-webrtc without the app's plugins: give it the same redirect.
  optimizeDeps: { rolldownOptions: { plugins: [yWebrtcRoomCrypto()] } },
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
