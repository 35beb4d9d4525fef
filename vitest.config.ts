import { configDefaults, defineConfig } from "vitest/config";

/**
 * The end-to-end tests: real clients (the AWS CLI, boto3, the AWS SDK, openssl), spawned
 * `kms-byok` processes and real databases. Everything else is the unit project, the fast loop
 * (`npm run test:unit`). A file is in exactly one of the two.
 */
const e2e = [
  "test/e2e/**/*.test.ts",
  "test/docs/**/*.test.ts",
  "test/interop/**/*.test.ts",
  "test/sql/postgresCluster.test.ts",
  "test/sql/sqlKeyStoreContract.test.ts",
  "test/sql/sqlKmsModel.test.ts",
  "test/sql/signingKeysSurviveRestart.test.ts",
  "test/cli/copy.test.ts",
  "test/cli/demo.test.ts",
  "test/cli/helpProcess.test.ts",
  "test/cli/serve.test.ts",
  "test/cli/serveData.test.ts",
  "test/cli/wrap.test.ts",
];

/**
 * The tests whose client is another program — the AWS CLI (Python) and boto3 — against the
 * endpoint. CI's second runtime pass (Node 24) sets KMS_BYOK_SKIP_PROGRAM_CLIENTS=1 to leave them
 * out: what they check is the CLI's and boto3's view of the wire protocol, which the Node 20 pass
 * checks, while the endpoint on Node 24 is checked by the SDK, HTTP and wrap CLI tests.
 */
const programClients =
  process.env["KMS_BYOK_SKIP_PROGRAM_CLIENTS"] === "1"
    ? ["test/e2e/awsCli*.test.ts", "test/e2e/boto3*.test.ts", "test/docs/awsCliExample.test.ts"]
    : [];

export default defineConfig({
  test: {
    // test/consumer runs against the built, packed package: npm run test:consumer.
    exclude: [...configDefaults.exclude, "test/consumer/**"],
    setupFiles: ["test/support/fastCheckSeed.ts", "test/support/resultMatchers.ts"],
    testTimeout: 30_000,
    // Two files at a time even on two cores (vitest's default there is one): most end-to-end files
    // wait on processes they spawn. 1 worker: ~590 s, 2 workers: ~470 s for the whole suite here.
    maxWorkers: 2,
    // The AWS SDK warns once per process that its releases after January 2027 need Node 22.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: e2e,
          // One module cache per worker, not per file: it halves the loop. A file that mocks a
          // module loads what uses it anew (see test/adapters/nodeCrypto.test.ts).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: e2e,
          exclude: [...configDefaults.exclude, ...programClients],
          // One PostgreSQL server for the run (a throwaway cluster, 1–2 s to start), as
          // inject("postgresUrl").
          globalSetup: ["test/support/postgres/globalPostgres.ts"],
        },
      },
    ],
  },
});
