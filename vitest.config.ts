import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'unit', include: ['tests/unit/**/*.test.{mjs,ts}'], testTimeout: 30_000 },
      },
      {
        // Bad input must stop a real build: each test builds a small fixture site.
        test: { name: 'build-errors', include: ['tests/build-errors/**/*.test.ts'], testTimeout: 180_000 },
      },
      {
        // The real site, built once with BASE_PATH=/k8s-kb, checked as files and in Chromium.
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.{mjs,ts}'],
          globalSetup: ['tests/helpers/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
