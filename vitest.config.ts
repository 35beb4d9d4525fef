import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // test/consumer runs against the built, packed package: npm run test:consumer.
    exclude: [...configDefaults.exclude, "test/consumer/**"],
    setupFiles: ["test/support/fastCheckSeed.ts"],
    testTimeout: 30_000,
  },
});
