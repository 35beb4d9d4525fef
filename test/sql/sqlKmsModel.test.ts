import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import type { BehaviourProfile } from "../../src/domain/behaviourProfile.js";
import type { KeyEvent } from "../../src/domain/keyEvent.js";
import { createKms } from "../../src/service/createKms.js";
import type { SqlKeyStore } from "../../src/sql/index.js";
import { runKmsModel } from "../../src/testing/runKmsModel.js";
import { testCrypto } from "../../src/testing/testCrypto.js";
import { describeWithPostgres } from "../support/postgres/postgresUrl.js";
import { postgresEngine, sqliteEngine } from "./sqlStoreEngines.js";

// CI runs 200 sequences per engine, half of them in each behaviour profile; KMS_MODEL_RUNS
// lowers or raises that.
const sequences = Number(process.env["KMS_MODEL_RUNS"] ?? 200);

/**
 * Runs the model in both profiles against createKms on the store `storeFor` gives each sequence
 * (empty), and checks after each sequence that the store's audit trail holds exactly the events
 * the audit sink was told, key by key in order: the events were written with their transitions.
 */
async function agreesWithTheModel(
  storeFor: () => Promise<SqlKeyStore>,
  done: (store: SqlKeyStore) => Promise<void>,
): Promise<number> {
  let trails = 0;
  for (const behaviour of ["classic", "current"] as const) {
    trails += await agreesInProfile(behaviour, storeFor, done);
  }
  return trails;
}

async function agreesInProfile(
  behaviour: BehaviourProfile,
  storeFor: () => Promise<SqlKeyStore>,
  done: (store: SqlKeyStore) => Promise<void>,
): Promise<number> {
  let trails = 0;
  await runKmsModel(
    async ({ audit, ...environment }) => {
      const store = await storeFor();
      const told: KeyEvent[] = [];
      const record = (event: KeyEvent) => {
        told.push(event);
        audit.record(event);
      };
      const kms = createKms({
        ...environment,
        store,
        crypto: testCrypto(),
        audit: { record },
      });
      return {
        kms,
        close: async () => {
          const kept = (await store.events())._unsafeUnwrap();
          await done(store);
          expect(byKeyInOrder(kept)).toEqual(byKeyInOrder(told));
          trails += 1;
        },
      };
    },
    { numRuns: Math.ceil(sequences / 2), behaviour },
  );
  return trails;
}

/** Events grouped by key, each key's in the order they happened. */
function byKeyInOrder(events: readonly KeyEvent[]): Map<string, KeyEvent[]> {
  const grouped = new Map<string, KeyEvent[]>();
  for (const event of events)
    grouped.set(event.keyArn, [...(grouped.get(event.keyArn) ?? []), event]);
  return grouped;
}

describe("createKms on the SQLite key store", () => {
  const engine = sqliteEngine();
  afterAll(() => engine.cleanUp());

  it(`agrees with the reference model, and its audit trail with the audit sink (${sequences} sequences, a file each)`, async () => {
    const trails = await agreesWithTheModel(
      () => engine.fresh(),
      (store) => store.close(),
    );
    expect(trails).toBeGreaterThanOrEqual(sequences);
  }, 600_000);
});

describeWithPostgres("createKms on the PostgreSQL key store", (url) => {
  const engine = postgresEngine(url);
  afterAll(() => engine.cleanUp());

  it(`agrees with the reference model, and its audit trail with the audit sink (${sequences} sequences, emptied between)`, async () => {
    const store = await engine.fresh();
    const client = new pg.Client({ connectionString: store.location });
    await client.connect();
    try {
      const trails = await agreesWithTheModel(
        async () => store,
        async () => {
          await client.query("truncate kms_keys, kms_events, kms_aliases, kms_scopes");
        },
      );
      expect(trails).toBeGreaterThanOrEqual(sequences);
    } finally {
      await client.end();
    }
  }, 600_000);
});
