import fc from "fast-check";

// One seed for the whole run: FC_SEED when set (.ci/run sets it, so CI is reproducible),
// otherwise fast-check's random seed. A failing property prints the seed it ran with; replay
// it with FC_SEED=<seed> npx vitest run <file>.
const seed = process.env["FC_SEED"];
fc.configureGlobal({
  ...(seed === undefined ? {} : { seed: Number(seed) }),
  numRuns: Number(process.env["FC_NUM_RUNS"] ?? 100),
});
