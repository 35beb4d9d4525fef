// `npm run seeds [-- --count 200 --jobs 2 --only differential --seeds 12345,-1118381825]`:
// evidence that the model run raises no false alarms. A correct target must pass the model run at
// every seed, not only at CI's; this runs the differential test (through @aws-sdk/client-kms
// against the server, and in process) and the in-process model run's agreement test at `--count`
// random seeds each (default 200), `--jobs` at a time (default 2), and prints every seed with
// its verdict and the command that replays it. Not run by npm test or CI: it takes about an
// hour here. Exit 0: every run passed; 1: a run failed (its output is kept in a file the
// report names); 2: bad arguments.
import { randomInt } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runVitest } from "../support/runVitest.js";

const root = resolve(import.meta.dirname, "../..");

/**
 * The vitest runs of a campaign, by the name `--only` takes: the tests of each file that hold a
 * correct target to the model at the run's seed (FC_SEED), not those that expect a failure.
 */
const suites = {
  differential: [
    "test/e2e/differentialModel.test.ts",
    "-t",
    "agrees with the reference model|answers every call as createKms does",
  ],
  model: ["test/testing/runKmsModel.test.ts", "-t", "agreement"],
} as const;
type Suite = keyof typeof suites;

interface Campaign {
  readonly suites: readonly Suite[];
  readonly seeds: readonly number[];
  readonly jobs: number;
}

function usage(problem: string): never {
  console.error(
    `${problem}\nUsage: npx tsx test/seeds/runSeeds.ts [--count 200] [--jobs 2] [--only differential|model] [--seeds 1,-2,3]`,
  );
  process.exit(2);
}

/** Reads the campaign from the command line: random 32-bit seeds unless `--seeds` names them. */
function parseArguments(args: readonly string[]): Campaign {
  let count = 200;
  let jobs = 2;
  let only: Suite | undefined;
  let seeds: number[] | undefined;
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value = ""] = [args[i], args[i + 1]];
    if (flag === "--count" && /^[1-9]\d*$/.test(value)) count = Number(value);
    else if (flag === "--jobs" && /^[1-9]\d*$/.test(value)) jobs = Number(value);
    else if (flag === "--only" && Object.hasOwn(suites, value)) only = value as Suite;
    else if (flag === "--seeds" && /^-?\d+(,-?\d+)*$/.test(value))
      seeds = value.split(",").map(Number);
    else usage(`Unexpected argument ${flag} ${value}`.trimEnd());
  }
  return {
    suites: only === undefined ? (Object.keys(suites) as Suite[]) : [only],
    seeds: seeds ?? Array.from({ length: count }, () => randomInt(-(2 ** 31), 2 ** 31)),
    jobs,
  };
}

const campaign = parseArguments(process.argv.slice(2));
let logs: string | undefined; // made for the first failed run's output

/** The command that runs `suite` at `seed` again. */
function replay(suite: Suite, seed: number): string {
  const [file, flag, pattern] = suites[suite];
  return `FC_SEED=${seed} KMS_MODEL_RUNS=1000 npx vitest run ${file} ${flag} '${pattern}'`;
}

/** Runs one suite at one seed and prints its verdict; whether it passed. */
async function runOne(suite: Suite, seed: number): Promise<boolean> {
  const started = performance.now();
  const { status, output } = await runVitest(suites[suite], {
    cwd: root,
    env: { FC_SEED: String(seed), KMS_MODEL_RUNS: "1000" },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (status === 0) {
    console.log(`${suite} seed ${seed}: passed (${seconds} s)`);
    return true;
  }
  logs ??= mkdtempSync(join(tmpdir(), "kms-byok-seeds-"));
  const log = join(logs, `${suite}-${seed}.log`);
  writeFileSync(log, output);
  const why =
    /^Disagreement: (.*)$/m.exec(output)?.[1] ??
    (status === null ? "timed out" : `vitest exit ${status}`);
  console.log(`${suite} seed ${seed}: FAILED (${seconds} s) — ${why.slice(0, 300)}`);
  console.log(`  replay: ${replay(suite, seed)}; output: ${log}`);
  return false;
}

/** Runs every (suite, seed) pair, `jobs` at a time; the number that failed per suite. */
async function runAll({ suites: names, seeds, jobs }: Campaign): Promise<Map<Suite, number>> {
  const queue = names.flatMap((suite) => seeds.map((seed) => ({ suite, seed })));
  const failed = new Map(names.map((suite) => [suite, 0]));
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      if (!(await runOne(next.suite, next.seed))) {
        failed.set(next.suite, (failed.get(next.suite) ?? 0) + 1);
      }
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  return failed;
}

const seedCount = (count: number) => `${count} seed${count === 1 ? "" : "s"}`;
console.log(
  `${campaign.suites.join(" and ")} at ${seedCount(campaign.seeds.length)} each, ${campaign.jobs} at a time: ${campaign.seeds.join(", ")}`,
);
const failed = await runAll(campaign);
for (const [suite, count] of failed) {
  console.log(
    `${suite}: ${seedCount(campaign.seeds.length)}, ${campaign.seeds.length - count} passed, ${count} failed`,
  );
}
process.exitCode = [...failed.values()].some((count) => count > 0) ? 1 : 0;
