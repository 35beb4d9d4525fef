import { defineConfig } from "tsup";

const external = [
  "neverthrow",
  "date-fns",
  "fast-check",
  "@smithy/signature-v4",
  "kysely",
  "better-sqlite3",
  "pg",
];

export default defineConfig([
  {
    entry: {
      index: "src/index.ts",
      "testing/index": "src/testing/index.ts",
      "http/index": "src/http/index.ts",
      "sql/index": "src/sql/index.ts",
    },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "node20",
    external,
  },
  {
    entry: { "cli/main": "src/cli/main.ts" },
    format: ["esm"],
    sourcemap: true,
    target: "node20",
    external,
  },
]);
