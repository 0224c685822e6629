import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/unit/setup.ts'],
    testTimeout: 20000,
    // Suites that build the real glossary in beforeAll take ~5 s alone and far longer on a loaded
    // 2-core machine; the default 10 s hook limit failed them there (not a hang).
    hookTimeout: 120000,
  },
});
