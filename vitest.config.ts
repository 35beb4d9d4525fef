import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // test/consumer runs against the built, packed package: npm run test:consumer.
    exclude: [...configDefaults.exclude, "test/consumer/**"],
    setupFiles: ["test/support/fastCheckSeed.ts"],
    // One PostgreSQL server for the run (a throwaway cluster, 1–2 s to start), as inject("postgresUrl").
    globalSetup: ["test/support/postgres/globalPostgres.ts"],
    testTimeout: 30_000,
    // Two files at a time even on two cores (vitest's default there is one): most end-to-end files
    // wait on processes they spawn. 1 worker: ~590 s, 2 workers: ~470 s for the whole suite here.
    maxWorkers: 2,
    // The AWS SDK warns once per process that its releases after January 2027 need Node 22.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  },
});
