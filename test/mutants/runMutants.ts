// `npm run mutants [-- --only 3,19 --seed N]`: a measure of how many realistic
// bugs the model run catches. It plants each mutant of mutants.ts (a small bug in src) in a
// throwaway clone of HEAD, one at a time, and runs the model run's agreement test against it: a
// mutant is KILLED when the test fails, SURVIVED when it passes. Not run by npm test or CI: it
// takes a few minutes (one test run per mutant). Only the clone is mutated, never the working
// tree, so uncommitted changes to src are not measured: commit them first. Exit 0: every mutant
// killed; 1: one survived, or is STALE (its text no longer occurs exactly once); 2: bad
// arguments, or the unmutated clone fails on its own.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runVitest } from "../support/runVitest.js";
import { type Mutant, mutants } from "./mutants.js";

const root = resolve(import.meta.dirname, "../..");
// The classic profile's agreement test: the figures of docs/testing-kit.md are its kills. (The
// pattern "agreement" alone also ran the current profile's test, and the check of one passing
// test below then called the unmutated clone failed.)
const agreementTest = [
  "test/testing/runKmsModel.test.ts",
  "-t",
  "with memoryKeyStore in agreement",
];

/** What one run of the agreement test says about one mutant. */
type Outcome = "KILLED" | "SURVIVED" | "STALE";

function usage(problem: string): never {
  console.error(`${problem}\nUsage: npx tsx test/mutants/runMutants.ts [--only 3,19] [--seed N]`);
  process.exit(2);
}

/** Reads `--only` and `--seed` from the command line. */
function parseArguments(args: readonly string[]): { selected: readonly Mutant[]; seed: string } {
  let seed = "20261129";
  let only: number[] | undefined;
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value = ""] = [args[i], args[i + 1]];
    if (flag === "--seed" && /^\d+$/.test(value)) seed = value;
    else if (flag === "--only" && /^\d+(,\d+)*$/.test(value)) only = value.split(",").map(Number);
    else usage(`Unexpected argument ${flag} ${value}`.trimEnd());
  }
  const unknown = only?.filter((id) => !mutants.some((mutant) => mutant.id === id)) ?? [];
  if (unknown.length > 0) usage(`No mutant ${unknown.join(", ")}`);
  return { selected: mutants.filter((mutant) => only?.includes(mutant.id) ?? true), seed };
}

const { selected, seed } = parseArguments(process.argv.slice(2));

// The 'exit' handler removes the clone however the run ends: normally, by process.exit (also on
// Ctrl-C, once runVitest has stopped the test), or by an uncaught error.
const clone = mkdtempSync(join(tmpdir(), "kms-byok-mutants-"));
process.on("exit", () => rmSync(clone, { recursive: true, force: true }));

function git(...args: string[]): string {
  return execFileSync("git", args, { cwd: clone, encoding: "utf8" });
}

/** Runs the agreement test in the clone: its exit status (null on time-out) and its output. */
function runAgreementTest() {
  return runVitest(agreementTest, { cwd: clone, env: { FC_SEED: seed, KMS_MODEL_RUNS: "1000" } });
}

/** Applies the mutant's replacements to its file in the clone; why not, when it cannot. */
function plant(mutant: Mutant): string | undefined {
  const path = join(clone, mutant.file);
  if (!existsSync(path)) return "file not found";
  let text = readFileSync(path, "utf8");
  for (const [old, replacement] of mutant.replacements) {
    const count = text.split(old).length - 1;
    if (count !== 1) return `occurs ${count} times: ${JSON.stringify(old)}`;
    text = text.replace(old, () => replacement);
  }
  writeFileSync(path, text);
  return undefined;
}

function cut(line: string, length = 120): string {
  return line.length <= length ? line : `${line.slice(0, length - 1)}…`;
}

/**
 * Plants one mutant, runs the test and restores the file (an error stops the run, and the clone
 * goes with it): the outcome, and a detail to print.
 */
async function tryMutant(mutant: Mutant): Promise<{ outcome: Outcome; detail: string }> {
  const stale = plant(mutant);
  if (stale !== undefined) return { outcome: "STALE", detail: stale };
  const { status, output } = await runAgreementTest();
  git("checkout", "--", mutant.file);
  if (git("status", "--porcelain") !== "") throw new Error(`Clone still dirty after #${mutant.id}`);
  if (status === 0) return { outcome: "SURVIVED", detail: "" };
  const disagreement = /Disagreement: (.*)/.exec(output)?.[1];
  const why = status === null ? "timed out" : `vitest exit ${status}, no Disagreement line`;
  return { outcome: "KILLED", detail: disagreement ?? why };
}

execFileSync("git", ["clone", "-q", root, clone]);
symlinkSync(join(root, "node_modules"), join(clone, "node_modules"), "dir");

const baseline = await runAgreementTest();
if (baseline.status !== 0 || !/Tests\s+1 passed/.test(baseline.output)) {
  console.error(
    `${baseline.output}\nThe unmutated clone of HEAD fails (seed ${seed}): fix that first.`,
  );
  process.exit(2);
}
console.log(
  `The unmutated clone of HEAD passes (seed ${seed}); ${selected.length} mutants follow.`,
);

let killed = 0;
for (const mutant of selected) {
  const { outcome, detail } = await tryMutant(mutant);
  if (outcome === "KILLED") killed += 1;
  const tail = detail === "" ? "" : ` — ${cut(detail)}`;
  console.log(`#${mutant.id} ${outcome} ${mutant.file} — ${mutant.description}${tail}`);
}
console.log(`${killed} of ${selected.length} mutants killed (seed ${seed})`);
process.exitCode = killed === selected.length ? 0 : 1;
