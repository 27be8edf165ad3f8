import { defineConfig } from 'vitest/config';

// End-to-end tests in a real host project: installing it and running its build or dev server takes
// tens of seconds on a loaded 2-core machine. A test that hangs still fails.
export default defineConfig({ test: { testTimeout: 300_000, hookTimeout: 600_000 } });
