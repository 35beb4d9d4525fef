import { defineConfig } from "vitest/config";

// The consumer suite: tests that import the packed package by name (npm run test:consumer,
// after npm run build). The main vitest config excludes this directory.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ["**/*.test.ts"],
    setupFiles: ["../support/fastCheckSeed.ts", "./support/seedCommonJsFastCheck.ts"],
    testTimeout: 30_000,
    // The AWS SDK warns once per process that its releases after January 2027 need Node 22.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  },
});
