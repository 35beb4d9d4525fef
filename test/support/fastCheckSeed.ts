import fc from "fast-check";

// Property tests run with one seed for the whole run: fixed in CI (FC_SEED, or 20261129 when
// CI is set) so a red run is reproducible; random locally, and printed, so a failure can be replayed
// with FC_SEED=<seed> npm test.
const fixed = process.env["FC_SEED"] ?? (process.env["CI"] ? "20261129" : undefined);
const seed = fixed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(fixed);
fc.configureGlobal({ seed, numRuns: Number(process.env["FC_NUM_RUNS"] ?? 100) });
if (fixed === undefined) console.info(`fast-check seed ${seed} (replay with FC_SEED=${seed})`);
