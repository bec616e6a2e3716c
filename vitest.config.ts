import path from 'node:path'
import { defineConfig } from 'vitest/config'

const alias = {
  '@': path.resolve(import.meta.dirname, 'src'),
  // `server-only` throws outside Next's react-server bundles; under test it is an empty module.
  'server-only': path.resolve(import.meta.dirname, 'tests/setup/empty-module.ts'),
}

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
          env: { TZ: 'UTC' },
        },
      },
      {
        // Date rules must hold whatever the server's time zone: domain tests run again in Vietnam's.
        resolve: { alias },
        test: {
          name: 'unit-hcm',
          include: ['src/domain/**/*.test.ts', 'src/lib/**/*.test.ts'],
          env: { TZ: 'Asia/Ho_Chi_Minh' },
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/setup/integration-global.ts'],
          setupFiles: ['tests/setup/integration-db.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Without TEST_DATABASE_URL each file gets its own embedded database; PGlite is CPU-bound.
          maxWorkers: process.env.TEST_DATABASE_URL ? 2 : 1,
        },
      },
    ],
    // Results also go to test-results/ as JSON, so `npm test` and CI can count every test that ran.
    reporters: ['default', ['json', { outputFile: `test-results/vitest-${process.env.VITEST_RESULTS_NAME ?? 'run'}.json` }]],
  },
})
