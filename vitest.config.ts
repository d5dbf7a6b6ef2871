import { defineConfig } from 'vitest/config';

// One vitest run over every package and example: each has its own
// vitest.config.ts (built with packageProject from vitest.shared.ts).
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'examples/*/vitest.config.ts'],
  },
});
