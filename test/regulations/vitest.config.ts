/**
 * Runs the regulation tests on their own: `npx vitest run -c test/regulations/vitest.config.ts`.
 * The root vitest.config.ts includes only src/ and test/unit/; once it also includes
 * 'test/regulations/**\/*.test.ts', plain `npx vitest run test/regulations` does the same.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: resolve(import.meta.dirname, '../..'),
  test: {
    include: ['test/regulations/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
