import { defineConfig } from 'vitest/config';

// One vitest run over every package and example: each has its own
// vitest.config.ts (or the defaults) and tests in test/.
export default defineConfig({
  test: {
    projects: ['packages/*', 'examples/*'],
  },
});
