import { createRequire } from "node:module";
import fc from "fast-check";

// `require("fast-check")` is a second module instance (fast-check's CommonJS build), with its
// own global settings: give it the seed and run count that ../../support/fastCheckSeed.ts gave
// the ES module instance, so the CommonJS tests replay with FC_SEED too.
const commonJsFastCheck: typeof fc = createRequire(import.meta.url)("fast-check");
commonJsFastCheck.configureGlobal(fc.readConfigureGlobal());
