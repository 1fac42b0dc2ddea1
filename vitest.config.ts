import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { yWebrtcRoomCrypto } from './vite.config.ts';

export default defineConfig({
  // Same alias as vite.config.ts, for unit tests of renderer modules that import shared/.
  resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
  // y-webrtc gets the app's crypto module in tests too (see vite.config.ts).
  plugins: [yWebrtcRoomCrypto()],
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Every unit test runs in a zone with daylight saving, so code that reads a
    // typed time with today's offset instead of the typed date's fails here.
    env: { TZ: 'America/Los_Angeles' },
    // Sized for a loaded CI machine four times slower than a quiet one: the
    // slowest tests (packaging, the convergence property) take 5-15 s here
    // when quiet and were seen at 38 s on a busy machine. A test is limited
    // by the work it does, never by how fast the machine is today.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // Inline y-webrtc so its own imports go through the plugin above rather than Node's loader.
    server: { deps: { inline: ['y-webrtc'] } },
  },
});
