import { defineConfig } from "vitest/config";

// The consumer suite: tests that import the packed package by name (npm run test:consumer,
// after npm run build). The main vitest config excludes this directory.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ["**/*.test.ts"],
    setupFiles: ["../support/fastCheckSeed.ts", "./support/seedCommonJsFastCheck.ts"],
    testTimeout: 30_000,
  },
});
