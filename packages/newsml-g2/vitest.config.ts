import { defineConfig } from 'vitest/config';

// These tests build real outputs (images, feeds of 10,000 items, whole CLI runs); on a loaded 2-core CI
// machine the 5-second default is too tight. A test that hangs still fails.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
