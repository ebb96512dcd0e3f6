/**
 * The soak runs only through `npm run test:soak`: its file is *.soak.ts, which the main
 * vitest.config.ts's include (*.test.ts) never matches, so `npm test` and CI leave it out.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/soak/**/*.soak.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30 * 60_000,
    hookTimeout: 60_000,
  },
});
