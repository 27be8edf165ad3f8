import { defineConfig } from 'vitest/config';

// Each test starts the whole CLI in a child process; on a loaded 2-core CI machine that takes seconds.
export default defineConfig({ test: { testTimeout: 60_000 } });
