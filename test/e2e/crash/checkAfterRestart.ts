// The checks after each restart: through the SDK (checkThroughSdk.ts) and in the store itself.
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { nodeCrypto } from "../../../src/adapters/nodeCrypto.js";
import type { KeyEvent } from "../../../src/domain/keyEvent.js";
import type { KeyRecord } from "../../../src/domain/keyRecord.js";
import { observeKey } from "../../../src/domain/observeKey.js";
import type { Kms } from "../../../src/service/kms.js";
import type { SqlKeyStore } from "../../../src/sql/index.js";
import { adoptLandedCreates, checkThroughSdk } from "./checkThroughSdk.js";
import { everyKey, type TrackedKey, type World } from "./crashWorld.js";
import { accountId } from "./serveProcess.js";
import { clientLoops } from "./writeUntilKilled.js";

/** Keys checked through the SDK after every restart; older keys are only checked in the store. */
const activeKeys = 16;
/** Ciphertexts kept per key once they have been checked after a restart. */
const keptCiphertexts = 2;
const scope = { accountId, region: "us-east-1" };
/** The sealing purpose of key material in the root key sealer (src/adapters/rsaCryptoProvider.ts). */
const materialPurpose = "kms-byok/key-material/v1";

/** A durable store to crash serve on: how serve is started on it, and how the test opens it. */
export interface Engine {
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
export async function checkAfterRestart(world: World, engine: Engine, kms: Kms) {
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

async function inBatches<T>(items: readonly T[], width: number, each: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await each(items[next++] as T);
    }),
  );
}
