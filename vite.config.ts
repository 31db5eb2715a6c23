import { defineConfig } from 'vitest/config';
import { randomBytes } from 'node:crypto';
import react from '@vitejs/plugin-react';

// One id per test run, inherited by the test workers: the PostgreSQL schemas of this run's test servers
// carry it, so the run drops its own schemas and no one else's (tests/utils/testServer.ts).
process.env.RR_TEST_RUN ??= randomBytes(4).toString('hex');

/**
 * One config for the client build (vite build -> dist/client) and for every test project.
 * Unit and integration tests run in parallel; end-to-end tests drive Chromium one file at a time
 * because the machine has two cores.
 */
export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: { outDir: '../dist/client', emptyOutDir: true, sourcemap: false },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/yjs': { target: 'ws://127.0.0.1:3000', ws: true },
      '/socket.io': { target: 'ws://127.0.0.1:3000', ws: true },
    },
  },
  test: {
    root: '.',
    env: { TZ: 'UTC' },
    // With DATABASE_URL set, drops the PostgreSQL schemas test servers made (one per server).
    globalSetup: ['tests/utils/pgGlobalSetup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/shared/**/*.test.ts', 'tests/server/**/*.test.ts', 'tests/client/**/*.test.{ts,tsx}'],
          // Tests of the PostgreSQL backend itself run in the suite's PostgreSQL run only (scripts/test.sh).
          exclude: process.env.DATABASE_URL ? [] : ['tests/server/storage/pg/**'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
