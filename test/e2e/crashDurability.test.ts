// Crash test of the durable stores: a `kms-byok serve` process is killed with SIGKILL, 100 times,
// while clients create keys, import, delete and reimport their material and encrypt under them.
// After each kill a new process serves the same data, and the test checks, through the AWS SDK
// and by opening the store itself, that nothing acknowledged was lost and nothing is torn.
//
// What the test knows about each key is exact, because every key is used by one client at a time:
// its writes form one sequence, all acknowledged except at most the last, the one in flight when
// the process died. That write may or may not have landed; either is fine, but then wholly: the
// record, its version and its audit event together, or none of them. An unacknowledged CreateKey
// leaves a key the test has no ID for; its Description names it, so a key that appears is matched
// to the one create that may have made it.
import { type ChildProcessByStdio, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { KMSServiceException } from "@aws-sdk/client-kms";
import type { ResultAsync } from "neverthrow";
import { afterEach, describe, expect, it } from "vitest";
import { deriveKeyMaterialId } from "../../src/adapters/deriveKeyMaterialId.js";
import { nodeCrypto } from "../../src/adapters/nodeCrypto.js";
import { wrapKeyMaterial } from "../../src/client/wrapKeyMaterial.js";
import { maxParameterSetsPerKey } from "../../src/domain/importPreconditions.js";
import type { KeyArn } from "../../src/domain/keyArn.js";
import type { KeyEvent } from "../../src/domain/keyEvent.js";
import type { KeyId } from "../../src/domain/keyId.js";
import type { KeyRecord } from "../../src/domain/keyRecord.js";
import type { KmsError } from "../../src/domain/kmsError.js";
import { observeKey } from "../../src/domain/observeKey.js";
import type { Kms } from "../../src/service/kms.js";
import { openPostgresKeyStore, openSqliteKeyStore, type SqlKeyStore } from "../../src/sql/index.js";
import { bundledCli } from "../support/bundledCli.js";
import { sdkClient } from "../support/kmsEndpoint.js";
import { freshDatabase } from "../support/postgres/freshDatabase.js";
import { describeWithPostgres } from "../support/postgres/postgresUrl.js";
import { sdkKms } from "../support/sdkKms.js";

const rounds = 100;
/** Client loops writing at the same time, each on keys no other loop is using. */
const clientLoops = 6;
/** How long after the clients start the process is killed: [min, max) milliseconds, seeded. */
const killDelayMs = [20, 300] as const;
/** Keys checked through the SDK after every restart; older keys are only checked in the store. */
const activeKeys = 16;
/** Ciphertexts kept per key once they have been checked after a restart. */
const keptCiphertexts = 2;
const accountId = "111122223333";
const region = "us-east-1";
const scope = { accountId, region };
const testTimeoutMs = 15 * 60_000;
/** The sealing purpose of key material in the root key sealer (src/adapters/rsaCryptoProvider.ts). */
const materialPurpose = "kms-byok/key-material/v1";

// --- the serve process -----------------------------------------------------------------------

/** A `kms-byok serve` process of this file; afterEach kills any a failed test left running. */
interface ServeProcess {
  /** Resolves once it printed its banner, which it does when its wrapping key pool is warm. */
  readonly warm: Promise<void>;
  killHard(): void;
  readonly exited: Promise<void>;
  /** Whether the process has ended (killed, or by itself). */
  ended(): boolean;
  output(): string;
}

const running = new Set<ChildProcessByStdio<null, Readable, Readable>>();

afterEach(() => {
  for (const child of running) child.kill("SIGKILL");
  running.clear();
});

/**
 * Starts `kms-byok serve --port port --account … args` and resolves once it accepts connections
 * (it listens after opening the store and before its wrapping key pool is warm, so this is earlier
 * than its banner); "port in use" when the port was taken meanwhile.
 */
async function startServeOn(
  port: number,
  args: readonly string[],
): Promise<ServeProcess | "port in use"> {
  const child = spawn(
    process.execPath,
    [await bundledCli(), "serve", "--port", String(port), "--account", accountId, ...args],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  running.add(child);
  let output = "";
  const keep = (text: string) => {
    output = (output + text).slice(-8000);
  };
  let printed = "";
  const warm = new Promise<void>((resolve) => {
    child.stdout.on("data", (text: string) => {
      printed += text;
      if (printed.includes("kms create-key --origin EXTERNAL")) resolve();
    });
  });
  child.stdout.setEncoding("utf8").on("data", keep);
  child.stderr.setEncoding("utf8").on("data", keep);
  let ended = false;
  const exited = once(child, "close").then(() => {
    ended = true;
    running.delete(child);
  });
  while (!ended) {
    if (await accepts(port)) {
      return {
        warm,
        killHard: () => child.kill("SIGKILL"),
        exited,
        ended: () => ended,
        output: () => output,
      };
    }
    await sleep(10);
  }
  if (output.includes("EADDRINUSE")) return "port in use";
  throw new Error(`kms-byok serve ${args.join(" ")} ended without serving:\n${output}`);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * A free loopback port below the ephemeral range. Waiting for a fixed port means connecting to
 * it while nothing listens there, and a connection to a port in the ephemeral range can be
 * given that very port as its own source port: it then connects to itself and holds the port.
 */
async function quietPort(random: () => number): Promise<number> {
  const ephemeralLow = ephemeralRangeStart();
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = 10_000 + Math.floor(random() * (ephemeralLow - 10_000));
    if (await bindable(port)) return port;
  }
  throw new Error("no free port below the ephemeral range");
}

function ephemeralRangeStart(): number {
  try {
    const [low] = readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8")
      .trim()
      .split(/\s+/);
    const start = Number(low);
    return Number.isInteger(start) && start > 12_000 ? start : 32_768;
  } catch {
    return 32_768;
  }
}

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1" }, () => server.close(() => resolve(true)));
  });
}

// --- what the test knows ---------------------------------------------------------------------

type WriteName =
  | "CreateKey"
  | "GetParametersForImport"
  | "ImportKeyMaterial"
  | "DeleteImportedKeyMaterial";
type Held = "PendingImport" | "Enabled";

/** A write sent but not answered before the kill: it may or may not have landed. */
interface Unanswered {
  readonly write: WriteName;
  /** Applies to the key what the write does if it landed. */
  land(): void;
}

/** A GetParametersForImport answer: a parameter set stored in the key's record. */
interface ImportParameters {
  readonly importToken: Uint8Array;
  readonly publicKey: Uint8Array;
}

interface TrackedKey {
  readonly keyId: KeyId;
  readonly arn: KeyArn;
  /** The one material this key ever gets; reimports send it again. */
  readonly material: Uint8Array;
  readonly materialId: string;
  /** As of the last write known to have landed. */
  state: Held;
  /** The names of the writes known to have landed, oldest first: the audit trail to expect. */
  landed: WriteName[];
  unanswered: Unanswered | undefined;
  /**
   * The record's parameter sets, oldest first: the ones the test holds the answer of, and
   * `undefined` for one an unanswered GetParametersForImport stored. An import may spend one
   * fetched rounds (and crashes) before.
   */
  parameterSets: (ImportParameters | undefined)[];
  /** Acknowledged Encrypt answers, with their plaintexts. */
  ciphertexts: { readonly blob: Uint8Array; readonly plaintext: Uint8Array }[];
  /** A client loop is using it. */
  busy: boolean;
}

interface World {
  readonly random: () => number;
  /** Keys checked through the SDK after each restart, and used by the clients. */
  readonly active: TrackedKey[];
  /** Keys no client uses any more; checked in the store only. */
  readonly retired: TrackedKey[];
  /** Descriptions of CreateKey requests sent but not answered in this round. */
  readonly unansweredCreates: Set<string>;
  /** Clients waiting for a GetParametersForImport answer. */
  fetching: number;
  readonly stats: Stats;
  round: number;
}

interface Stats {
  acknowledged: Record<WriteName | "Encrypt", number>;
  unanswered: Record<WriteName, number>;
  /** Of the unanswered writes, how many were found to have landed after the restart. */
  landed: number;
  decryptsChecked: number;
  ms: { start: number; check: number; warm: number; clients: number };
}

function newTrackedKey(keyId: KeyId, arn: KeyArn, landed: WriteName[]): TrackedKey {
  const material = randomBytes(32);
  return {
    keyId,
    arn,
    material,
    materialId: deriveKeyMaterialId(keyId, material),
    state: "PendingImport",
    landed,
    unanswered: undefined,
    parameterSets: [],
    ciphertexts: [],
    busy: false,
  };
}

const everyKey = (world: World) => [...world.active, ...world.retired];

// --- the clients -----------------------------------------------------------------------------

/** The process was killed: the client stops without sending anything more. */
class NoAnswer extends Error {}

/**
 * Sends one request. Resolves with the answer; throws NoAnswer when none came (the process died
 * before answering, or was already dead) and an Error for any error answer, which no request of
 * the workload should get.
 */
async function send<T>(
  killed: () => boolean,
  what: string,
  call: () => ResultAsync<T, KmsError>,
): Promise<T> {
  if (killed()) throw new NoAnswer(what);
  let answer: Awaited<ResultAsync<T, KmsError>>;
  try {
    answer = await call();
  } catch (error) {
    if (error instanceof KMSServiceException) {
      throw new Error(`${what} was answered with ${error.name}: ${error.message}`);
    }
    throw new NoAnswer(what);
  }
  if (answer.isErr()) {
    throw new Error(`${what} was answered with ${answer.error.name}: ${answer.error.message}`);
  }
  return answer.value;
}

/**
 * Sends a write of `key`. While it is unanswered the key remembers it; its answer makes it one
 * of the key's landed writes, and `land` applies it to the key (given the answer; given nothing
 * when a restart finds that the unanswered write landed).
 */
async function write<T>(
  world: World,
  killed: () => boolean,
  key: TrackedKey,
  name: WriteName,
  land: (answer: T | undefined) => void,
  call: () => ResultAsync<T, KmsError>,
): Promise<T> {
  if (killed()) throw new NoAnswer(name);
  key.unanswered = { write: name, land: () => land(undefined) };
  world.stats.unanswered[name] += 1;
  const answer = await send(killed, `${name} of ${key.keyId}`, call);
  world.stats.unanswered[name] -= 1;
  world.stats.acknowledged[name] += 1;
  key.unanswered = undefined;
  key.landed.push(name);
  land(answer);
  return answer;
}

/** GetParametersForImport: the key keeps the newest ten parameter sets. */
async function getParameters(
  world: World,
  killed: () => boolean,
  kms: Kms,
  key: TrackedKey,
): Promise<ImportParameters> {
  let fetched: ImportParameters | undefined;
  await write(
    world,
    killed,
    key,
    "GetParametersForImport",
    (answer) => {
      fetched = answer && { importToken: answer.ImportToken, publicKey: answer.PublicKey };
      key.parameterSets.push(fetched);
      key.parameterSets.splice(0, key.parameterSets.length - maxParameterSetsPerKey);
    },
    () =>
      kms.getParametersForImport({
        KeyId: key.keyId,
        WrappingAlgorithm: "RSAES_OAEP_SHA_256",
        WrappingKeySpec: "RSA_2048",
      }),
  );
  return fetched as ImportParameters;
}

/** The newest parameter set of `key` whose answer the test holds. */
function newestParameters(key: TrackedKey): ImportParameters | undefined {
  return [...key.parameterSets].reverse().find((set) => set !== undefined);
}

/**
 * Imports (or reimports) the key's material with `parameters`, which may have been fetched
 * rounds, and crashes, before.
 */
async function importMaterial(
  world: World,
  killed: () => boolean,
  kms: Kms,
  key: TrackedKey,
  parameters: ImportParameters,
) {
  const EncryptedKeyMaterial = wrapKeyMaterial({
    publicKey: parameters.publicKey,
    wrappingAlgorithm: "RSAES_OAEP_SHA_256",
    keyMaterial: key.material,
  })._unsafeUnwrap();
  const imported = await write(
    world,
    killed,
    key,
    "ImportKeyMaterial",
    () => {
      const spent = key.parameterSets.indexOf(parameters);
      if (spent < 0) throw new Error(`the test lost track of the parameter sets of ${key.keyId}`);
      key.parameterSets.splice(spent, 1);
      key.state = "Enabled";
    },
    () =>
      kms.importKeyMaterial({
        KeyId: key.keyId,
        ImportToken: parameters.importToken,
        EncryptedKeyMaterial,
        ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE",
      }),
  );
  expect(
    imported.KeyMaterialId,
    `the KeyMaterialId ImportKeyMaterial answered for ${key.keyId}`,
  ).toBe(key.materialId);
}

/** One client: picks a key no other client is using and moves it on, until the kill. */
async function clientLoop(world: World, kms: Kms, loop: number, killed: () => boolean) {
  let sequence = 0;
  while (!killed()) {
    const idle = world.active.filter((key) => !key.busy);
    if (idle.length === 0 || world.random() < 0.12) {
      const Description = `crash test round ${world.round} client ${loop} create ${sequence++}`;
      world.unansweredCreates.add(Description);
      world.stats.unanswered.CreateKey += 1;
      const created = await send(killed, `CreateKey "${Description}"`, () =>
        kms.createKey({ Origin: "EXTERNAL", Description }),
      );
      world.unansweredCreates.delete(Description);
      world.stats.unanswered.CreateKey -= 1;
      world.stats.acknowledged.CreateKey += 1;
      const { KeyId, Arn, KeyState } = created.KeyMetadata;
      expect(KeyState).toBe("PendingImport");
      world.active.push(newTrackedKey(KeyId as KeyId, Arn as KeyArn, ["CreateKey"]));
      continue;
    }
    const key = idle[Math.floor(world.random() * idle.length)] as TrackedKey;
    key.busy = true;
    try {
      const dice = world.random();
      const parameters = newestParameters(key);
      // GetParametersForImport may wait for an RSA key pair to be generated: at most three
      // clients (the size of the server's pool) wait at a time, so that the others keep writing. (A delete of no material is still a
      // write, with its audit event.)
      const fetch = async () => {
        world.fetching += 1;
        try {
          await getParameters(world, killed, kms, key);
        } finally {
          world.fetching -= 1;
        }
      };
      const mayFetch = world.fetching < 3;
      if (key.state === "PendingImport") {
        if (parameters !== undefined && dice < 0.8)
          await importMaterial(world, killed, kms, key, parameters);
        else if (parameters === undefined && mayFetch && dice < 0.8) await fetch();
        else await deleteMaterial(world, killed, kms, key);
      } else if (dice < 0.4) {
        const plaintext = randomBytes(1 + Math.floor(world.random() * 64));
        const { CiphertextBlob } = await send(killed, `Encrypt under ${key.keyId}`, () =>
          kms.encrypt({ KeyId: key.keyId, Plaintext: plaintext }),
        );
        world.stats.acknowledged.Encrypt += 1;
        key.ciphertexts.push({ blob: CiphertextBlob, plaintext });
      } else if (dice < 0.6) {
        await deleteMaterial(world, killed, kms, key);
      } else if (parameters !== undefined && dice < 0.85) {
        await importMaterial(world, killed, kms, key, parameters); // reimport, same material
      } else if (mayFetch) {
        await fetch();
      } else {
        await deleteMaterial(world, killed, kms, key);
      }
    } finally {
      key.busy = false;
    }
  }
}

async function deleteMaterial(world: World, killed: () => boolean, kms: Kms, key: TrackedKey) {
  await write(
    world,
    killed,
    key,
    "DeleteImportedKeyMaterial",
    () => {
      key.state = "PendingImport";
    },
    () => kms.deleteImportedKeyMaterial({ KeyId: key.keyId }),
  );
}

/** Runs the client loops against `url` and kills `serve` after a seeded delay. */
async function writeUntilKilled(world: World, url: string, serve: ServeProcess) {
  let dead = false;
  const killed = () => dead;
  const clients = Array.from({ length: clientLoops }, () => sdkClient(url));
  const failures: unknown[] = [];
  const loops = clients.map((client, loop) =>
    clientLoop(world, sdkKms(client), loop, killed).catch((error: unknown) => {
      if (!(error instanceof NoAnswer)) failures.push(error);
    }),
  );
  const [min, max] = killDelayMs;
  await sleep(min + Math.floor(world.random() * (max - min)));
  dead = true;
  const endedByItself = serve.ended();
  serve.killHard();
  await serve.exited;
  try {
    await Promise.all(loops);
  } finally {
    for (const client of clients) client.destroy();
  }
  if (failures.length > 0) throw failures[0];
  if (endedByItself) throw new Error(`kms-byok serve ended before the kill:\n${serve.output()}`);
}

// --- the checks after a restart ----------------------------------------------------------------

interface Engine {
  readonly name: string;
  readonly serveArgs: readonly string[];
  readonly rootKeyFile: string;
  openStore(): Promise<SqlKeyStore>;
}

/**
 * Everything after a restart: the keys the SDK lists are the known ones plus at most the
 * unanswered creates; each key's stored record, version and audit trail are those of its landed
 * writes, plus wholly or not at all its unanswered one; every record decodes and keeps the
 * domain's invariants; and through the SDK every key is in its state, Enabled keys encrypt, and
 * every acknowledged ciphertext decrypts to its plaintext, or fails as its key's state says.
 */
async function checkAfterRestart(world: World, engine: Engine, kms: Kms) {
  const where = `round ${world.round} (${engine.name})`;
  await adoptLandedCreates(world, kms, where);

  const store = await engine.openStore();
  const crypto = nodeCrypto({
    rootKey: new Uint8Array(readFileSync(engine.rootKeyFile)),
    wrappingKeyPoolSize: 0,
  });
  try {
    for (const key of world.active) await settleUnanswered(world, store, key, where);
    await checkStoredRecords(world, store, crypto, where);
    await checkAuditTrail(world, store, where);
  } finally {
    await Promise.all([store.close(), crypto.close()]);
  }

  await inBatches(world.active, clientLoops, (key) => checkThroughSdk(world, kms, key, where));

  for (const key of world.active)
    key.ciphertexts.splice(0, key.ciphertexts.length - keptCiphertexts);
  while (world.active.length > activeKeys) {
    const key = world.active.shift() as TrackedKey;
    key.ciphertexts.length = 0;
    world.retired.push(key);
  }
}

/** Lists the keys through the SDK; a key the test has no ID for must be an unanswered create's. */
async function adoptLandedCreates(world: World, kms: Kms, where: string) {
  const listed: string[] = [];
  let Marker: string | undefined;
  do {
    const page = await answered(
      kms.listKeys({ Limit: 1000, ...(Marker === undefined ? {} : { Marker }) }),
      where,
    );
    listed.push(...page.Keys.map((entry) => entry.KeyId));
    Marker = page.Truncated ? page.NextMarker : undefined;
  } while (Marker !== undefined);

  const known = new Set(everyKey(world).map((key) => key.keyId as string));
  const missing = [...known].filter((keyId) => !listed.includes(keyId));
  expect(missing, `${where}: acknowledged keys ListKeys does not list`).toEqual([]);
  for (const keyId of listed.filter((id) => !known.has(id))) {
    const { KeyMetadata } = await answered(kms.describeKey({ KeyId: keyId }), where);
    expect(
      world.unansweredCreates.has(KeyMetadata.Description),
      `${where}: ${keyId} ("${KeyMetadata.Description}") is no key the test created, nor one of its unanswered CreateKey requests`,
    ).toBe(true);
    world.unansweredCreates.delete(KeyMetadata.Description);
    world.stats.landed += 1;
    expect(KeyMetadata.KeyState, `${where}: the state of ${keyId}, an unanswered create`).toBe(
      "PendingImport",
    );
    world.active.push(newTrackedKey(keyId as KeyId, KeyMetadata.Arn as KeyArn, ["CreateKey"]));
  }
  world.unansweredCreates.clear();
}

/**
 * Reads the key's row: its version says whether its unanswered write landed, and its state must
 * be the one that write leaves, or the one before it. Afterwards the test knows the key exactly.
 */
async function settleUnanswered(world: World, store: SqlKeyStore, key: TrackedKey, where: string) {
  const stored = await store.get(key.arn);
  if (stored.isErr())
    throw new Error(`${where}: the row of ${key.keyId} does not read: ${stored.error.message}`);
  if (stored.value === undefined) throw new Error(`${where}: ${key.keyId} has no row`);
  const { record, version } = stored.value;
  const pending = key.unanswered;
  key.unanswered = undefined;
  if (pending !== undefined && version === key.landed.length + 1) {
    world.stats.landed += 1;
    key.landed.push(pending.write);
    pending.land();
  }
  const described = `${where}: ${key.keyId} after the writes ${key.landed.join(", ")}${
    pending === undefined ? "" : `, with an unanswered ${pending.write} before the kill`
  }`;
  expect({ version, state: record.keyState }, described).toEqual({
    version: key.landed.length,
    state: key.state,
  });
}

/** Every row decodes, keeps the domain's invariants, and holds what the test knows. */
async function checkStoredRecords(
  world: World,
  store: SqlKeyStore,
  crypto: ReturnType<typeof nodeCrypto>,
  where: string,
) {
  const records: KeyRecord[] = [];
  let marker: string | undefined;
  do {
    const page = await store.list(scope, {
      limit: 1000,
      ...(marker === undefined ? {} : { marker }),
    });
    if (page.isErr()) throw new Error(`${where}: the store does not list: ${page.error.message}`);
    const [unreadable] = page.value.unreadable ?? [];
    if (unreadable !== undefined) {
      const read = await store.get(unreadable);
      throw new Error(
        `${where}: the stored record of ${unreadable} does not decode${read.isErr() ? `: ${read.error.message}` : ""}`,
      );
    }
    records.push(...page.value.records);
    marker = page.value.nextMarker;
  } while (marker !== undefined);

  const byArn = new Map(everyKey(world).map((key) => [key.arn as string, key]));
  const stored = new Set(records.map((record) => record.arn as string));
  expect(
    [...byArn.keys()].filter((arn) => !stored.has(arn)),
    `${where}: acknowledged keys missing from the store`,
  ).toEqual([]);
  expect(
    [...stored].filter((arn) => !byArn.has(arn)),
    `${where}: keys in the store the test does not know`,
  ).toEqual([]);
  const now = new Date();
  for (const record of records) {
    const key = byArn.get(record.arn) as TrackedKey;
    const described = `${where}: the stored record of ${key.keyId}`;
    expect(observeKey(record, now), described).toEqual({ key: record, events: [] });
    expect(record.keyState, described).toBe(key.state);
    expect(record.parameterSets.length, `${described}: its parameter sets`).toBe(
      key.parameterSets.length,
    );
    expect(record.boundMaterialId, described).toBe(
      key.landed.includes("ImportKeyMaterial") ? key.materialId : undefined,
    );
    if (record.keyState === "Enabled") {
      expect(record.material.id, described).toBe(key.materialId);
      const material = await crypto.unseal(record.material.sealed, materialPurpose);
      if (material.isErr()) throw new Error(`${described}: its material does not unseal`);
      expect(Buffer.from(material.value).equals(key.material), `${described}: material`).toBe(true);
    }
  }
}

/** Each key's audit trail is its landed writes, in order, and ends in its stored state. */
async function checkAuditTrail(world: World, store: SqlKeyStore, where: string) {
  const events = await store.events();
  if (events.isErr())
    throw new Error(`${where}: the audit trail does not read: ${events.error.message}`);
  const byArn = new Map<string, KeyEvent[]>();
  for (const event of events.value) {
    byArn.set(event.keyArn, [...(byArn.get(event.keyArn) ?? []), event]);
  }
  const keys = everyKey(world);
  const known = new Set(keys.map((key) => key.arn as string));
  expect(
    [...byArn.keys()].filter((arn) => !known.has(arn)),
    `${where}: audit events of keys the test does not know`,
  ).toEqual([]);
  for (const key of keys) {
    const trail = byArn.get(key.arn) ?? [];
    const described = `${where}: the audit trail of ${key.keyId} (${key.state}), ${trail.length} events for ${key.landed.length} writes that landed`;
    expect(trail.map((event) => event.eventName).join(", "), described).toBe(key.landed.join(", "));
    expect(trail.at(-1)?.keyState, `${described}: the state its last event left`).toBe(key.state);
  }
}

async function checkThroughSdk(world: World, kms: Kms, key: TrackedKey, where: string) {
  const described = `${where}: ${key.keyId} (${key.state})`;
  const { KeyMetadata } = await answered(kms.describeKey({ KeyId: key.keyId }), described);
  expect(
    {
      KeyState: KeyMetadata.KeyState,
      Enabled: KeyMetadata.Enabled,
      CurrentKeyMaterialId: KeyMetadata.CurrentKeyMaterialId,
    },
    `${described}: DescribeKey`,
  ).toEqual({
    KeyState: key.state,
    Enabled: key.state === "Enabled",
    CurrentKeyMaterialId: key.landed.includes("ImportKeyMaterial") ? key.materialId : undefined,
  });

  const Plaintext = randomBytes(16);
  const encrypted = await kms.encrypt({ KeyId: key.keyId, Plaintext });
  if (key.state === "Enabled") {
    if (encrypted.isErr())
      throw new Error(
        `${described}: Encrypt failed: ${encrypted.error.name}: ${encrypted.error.message}`,
      );
    const decrypted = await answered(
      kms.decrypt({ CiphertextBlob: encrypted.value.CiphertextBlob }),
      described,
    );
    expect(Buffer.from(decrypted.Plaintext).equals(Plaintext), `${described}: new ciphertext`).toBe(
      true,
    );
  } else {
    expect(encrypted.isErr() && encrypted.error.name, `${described}: Encrypt`).toBe(
      "KMSInvalidStateException",
    );
  }

  for (const { blob, plaintext } of key.ciphertexts) {
    const decrypted = await kms.decrypt({ CiphertextBlob: blob });
    world.stats.decryptsChecked += 1;
    if (key.state === "Enabled") {
      if (decrypted.isErr())
        throw new Error(
          `${described}: an acknowledged ciphertext does not decrypt: ${decrypted.error.name}: ${decrypted.error.message}`,
        );
      expect(
        {
          plaintext: Buffer.from(decrypted.value.Plaintext).equals(plaintext),
          keyMaterialId: decrypted.value.KeyMaterialId,
        },
        `${described}: Decrypt of an acknowledged ciphertext`,
      ).toEqual({ plaintext: true, keyMaterialId: key.materialId });
    } else {
      expect(
        decrypted.isErr() ? decrypted.error.name : "decrypted",
        `${described}: Decrypt of an acknowledged ciphertext of material since deleted`,
      ).toBe("KMSInvalidStateException");
    }
  }
}

async function answered<T>(call: ResultAsync<T, KmsError>, where: string): Promise<T> {
  const answer = await call;
  if (answer.isErr())
    throw new Error(`${where}: unexpected ${answer.error.name}: ${answer.error.message}`);
  return answer.value;
}

// --- the rounds --------------------------------------------------------------------------------

/**
 * Starts serve on `engine`, checks, lets the clients write and kills the process, `rounds`
 * times; then starts it once more and checks what the last kill left.
 */
async function crashRounds(engine: Engine, seed: number): Promise<Stats> {
  const world: World = {
    random: mulberry32(seed),
    active: [],
    retired: [],
    unansweredCreates: new Set(),
    fetching: 0,
    stats: {
      acknowledged: {
        CreateKey: 0,
        GetParametersForImport: 0,
        ImportKeyMaterial: 0,
        DeleteImportedKeyMaterial: 0,
        Encrypt: 0,
      },
      unanswered: {
        CreateKey: 0,
        GetParametersForImport: 0,
        ImportKeyMaterial: 0,
        DeleteImportedKeyMaterial: 0,
      },
      landed: 0,
      decryptsChecked: 0,
      ms: { start: 0, check: 0, warm: 0, clients: 0 },
    },
    round: 0,
  };
  let port = await quietPort(world.random);
  for (world.round = 1; world.round <= rounds + 1; world.round++) {
    const where = `seed ${seed}, round ${world.round}`;
    let started = performance.now();
    let serve = await startServeOn(port, engine.serveArgs);
    while (serve === "port in use") {
      port = await quietPort(world.random);
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

function report(engine: string, seed: number, stats: Stats, elapsedMs: number) {
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

async function inBatches<T>(items: readonly T[], width: number, each: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await each(items[next++] as T);
    }),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// --- the tests ---------------------------------------------------------------------------------

describe("kms-byok serve killed with SIGKILL while clients write", () => {
  it(
    `keeps every acknowledged write of a serve --data process killed with SIGKILL, ${rounds} times`,
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "kms-byok-crash-"));
      const engine: Engine = {
        name: "SQLite",
        serveArgs: ["--data", dir],
        rootKeyFile: join(dir, "root.key"),
        openStore: async () =>
          (await openSqliteKeyStore({ path: join(dir, "kms.sqlite") }))._unsafeUnwrap(),
      };
      const began = performance.now();
      const seed = seedOfRun();
      try {
        report("SQLite", seed, await crashRounds(engine, seed), performance.now() - began);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    testTimeoutMs,
  );
});

describeWithPostgres(
  "kms-byok serve --database killed with SIGKILL while clients write",
  (baseUrl) => {
    it(
      `keeps every acknowledged write of a serve --database postgres://… process killed with SIGKILL (not the database), ${rounds} times`,
      async () => {
        const database = await freshDatabase(baseUrl);
        const dir = mkdtempSync(join(tmpdir(), "kms-byok-crash-"));
        const rootKeyFile = join(dir, "root.key");
        const engine: Engine = {
          name: "PostgreSQL",
          serveArgs: ["--database", database.url, "--root-key-file", rootKeyFile],
          rootKeyFile,
          openStore: async () =>
            (await openPostgresKeyStore({ url: database.url, maxConnections: 2 }))._unsafeUnwrap(),
        };
        const began = performance.now();
        const seed = seedOfRun();
        try {
          report("PostgreSQL", seed, await crashRounds(engine, seed), performance.now() - began);
        } finally {
          await database.drop();
          rmSync(dir, { recursive: true, force: true });
        }
      },
      testTimeoutMs,
    );
  },
);
