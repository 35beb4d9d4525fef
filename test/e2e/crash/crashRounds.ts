// The crash test of the durable stores (crashSqlite.test.ts, crashPostgres.test.ts): a
// `kms-byok serve` process is killed with SIGKILL, 100 times, while clients create keys, import,
// delete and reimport their material and encrypt under them.
// After each kill a new process serves the same data, and the test checks, through the AWS SDK
// and by opening the store itself, that nothing acknowledged was lost and nothing is torn.
//
// What the test knows about each key is exact, because every key is used by one client at a time:
// its writes form one sequence, all acknowledged except at most the last, the one in flight when
// the process died. That write may or may not have landed; either is fine, but then wholly: the
// record, its version and its audit event together, or none of them. An unacknowledged CreateKey
// leaves a key the test has no ID for; its Description names it, so a key that appears is matched
// to the one create that may have made it.
//
// The rounds of the crash test: start serve, check what the last kill left, write, kill.
import { sdkClient } from "../../support/kmsEndpoint.js";
import { sdkKms } from "../../support/sdkKms.js";
import { checkAfterRestart, type Engine } from "./checkAfterRestart.js";
import { newWorld, type Stats } from "./crashWorld.js";
import { quietPort, startServeOn } from "./serveProcess.js";
import { writeUntilKilled } from "./writeUntilKilled.js";

/** Long enough for 100 rounds on a slow machine. */
export const crashTestTimeoutMs = 15 * 60_000;

/**
 * Runs `rounds` crash rounds on `engine` with the seed of this run, and prints what they did and
 * how long each part took.
 */
export async function runCrashRounds(engine: Engine, rounds: number): Promise<void> {
  const began = performance.now();
  const seed = seedOfRun();
  const stats = await crashRounds(engine, seed, rounds);
  report(engine.name, seed, rounds, stats, performance.now() - began);
}

/**
 * Starts serve on `engine`, checks, lets the clients write and kills the process, `rounds`
 * times; then starts it once more and checks what the last kill left.
 */
async function crashRounds(engine: Engine, seed: number, rounds: number): Promise<Stats> {
  const world = newWorld(mulberry32(seed));
  // Ports from a stream of their own per engine: the engines' files run side by side with one
  // seed, and the same ports would make each take the other's server for its own.
  const portRandom = mulberry32(
    seed ^ [...engine.name].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 7),
  );
  let port = await quietPort(portRandom);
  for (world.round = 1; world.round <= rounds + 1; world.round++) {
    const where = `seed ${seed}, round ${world.round}`;
    let started = performance.now();
    let serve = await startServeOn(port, engine.serveArgs);
    while (serve === "port in use") {
      port = await quietPort(portRandom);
      serve = await startServeOn(port, engine.serveArgs);
    }
    const url = `http://127.0.0.1:${port}`;
    world.stats.ms.start += performance.now() - started;

    started = performance.now();
    const client = sdkClient(url);
    try {
      await checkAfterRestart(world, engine, sdkKms(client));
    } catch (error) {
      throw new Error(`${where}: ${String(error)}\n--- serve output ---\n${serve.output()}`, {
        cause: error,
      });
    } finally {
      client.destroy();
    }
    world.stats.ms.check += performance.now() - started;

    if (world.round > rounds) {
      serve.killHard();
      await serve.exited;
      break;
    }

    // The clients start once the server's wrapping key pool is warm: otherwise most of them
    // wait for RSA key generation, and the kill finds few writes in flight.
    started = performance.now();
    await Promise.race([serve.warm, serve.exited]);
    if (serve.ended()) throw new Error(`${where}: kms-byok serve ended:\n${serve.output()}`);
    world.stats.ms.warm += performance.now() - started;

    started = performance.now();
    await writeUntilKilled(world, url, serve);
    world.stats.ms.clients += performance.now() - started;
  }
  return world.stats;
}

function report(engine: string, seed: number, rounds: number, stats: Stats, elapsedMs: number) {
  const total = (counts: Record<string, number>) =>
    Object.values(counts).reduce((sum, n) => sum + n, 0);
  const { acknowledged, unanswered, ms } = stats;
  console.log(
    `${engine}, seed ${seed}: ${rounds} SIGKILLs in ${(elapsedMs / 1000).toFixed(1)} s ` +
      `(starting serve ${(ms.start / 1000).toFixed(1)} s, checks ${(ms.check / 1000).toFixed(1)} s, ` +
      `waiting for the warm pool ${(ms.warm / 1000).toFixed(1)} s, ` +
      `clients ${(ms.clients / 1000).toFixed(1)} s); acknowledged writes ${total(acknowledged) - acknowledged.Encrypt} ` +
      `${JSON.stringify(acknowledged)}; unanswered writes ${total(unanswered)} ${JSON.stringify(unanswered)}, ` +
      `${stats.landed} of them landed; ${stats.decryptsChecked} decrypts of acknowledged ciphertexts checked`,
  );
}

/** FC_SEED (the project's fixed seed in CI) when set, else a random one (printed on failure). */
function seedOfRun(): number {
  const fixed = process.env["FC_SEED"];
  return fixed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(fixed);
}

/**
 * KMS_BYOK_CRASH_ROUNDS when set, else `fallback`: fewer rounds check a change to the crash test
 * quickly (KMS_BYOK_CRASH_ROUNDS=5 npx vitest run test/e2e/crash).
 */
export function roundsOfRun(fallback: number): number {
  const set = process.env["KMS_BYOK_CRASH_ROUNDS"];
  if (set === undefined || set === "") return fallback;
  const rounds = Number(set);
  if (!Number.isInteger(rounds) || rounds < 1) {
    throw new Error(`KMS_BYOK_CRASH_ROUNDS must be a positive integer, not "${set}"`);
  }
  return rounds;
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
