import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

/**
 * Component tests, on the app's own Vite config (plugins, aliases): the web app's pieces rendered
 * in happy-dom and driven as a person would (user-event: clicks, keys, focus), asserting on roles,
 * labels and aria. They are `*.test.tsx` beside the component; jest takes `*.spec.ts` and
 * `*.e2e-spec.ts`, so neither runner picks up the other's files.
 */
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      include: ['src/**/*.test.{ts,tsx}'],
      environment: 'happy-dom',
      setupFiles: ['./src/testing/setup.ts'],
      // Two cores shared with the api suite: one worker runs these few seconds of tests.
      maxWorkers: 1,
      // A test that types and clicks through a whole form takes a few seconds on a busy 2-core machine.
      testTimeout: 15_000,
    },
  }),
);
