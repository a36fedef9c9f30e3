import {defineConfig} from 'vitest/config';
import {siteConfigPlugin} from './src/lib/site-config.ts';

// Two layers: fast unit tests, and end-to-end tests that build the tiny
// sample site once (tests/e2e/global-setup.ts) and drive Chromium against it.
export default defineConfig({
  // Site modules import their configuration as the module `gongshi build` serves; unit tests get it with no
  // data folder (a test that reads published data builds a site, which serves its own).
  plugins: [siteConfigPlugin({dataDir: '', siteUrl: null, contact: ''})],
  test: {
    env: {TZ: 'UTC', ASTRO_TELEMETRY_DISABLED: '1'},
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**'],
          testTimeout: 60_000,
          // Hooks build whole sample sites, two test files at a time on a 2-core CI machine.
          hookTimeout: 600_000
        }
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 600_000,
          fileParallelism: false
        }
      }
    ]
  }
});
