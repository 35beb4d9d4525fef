// Many hosts on one PostgreSQL: two `kms-byok serve --database URL` processes see each other's
// keys, spend each import token once between them, and together agree with the reference model.
// The SQLite twin of the process tests is in test/cli/serveData.test.ts.
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { KMSClient } from "@aws-sdk/client-kms";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { KeyEvent } from "../../src/domain/keyEvent.js";
import { createKmsServer, type KmsServer } from "../../src/http/index.js";
import type { Kms } from "../../src/service/kms.js";
import { openPostgresKeyStore, redactDatabaseUrl, type SqlKeyStore } from "../../src/sql/index.js";
import { KmsModelFailure } from "../../src/testing/kmsModelFailure.js";
import { type KmsTarget, runKmsModel } from "../../src/testing/runKmsModel.js";
import { testCrypto } from "../../src/testing/testCrypto.js";
import { isRunning, killLeftoverServes, type RunningServe, startServe } from "../cli/kmsByok.js";
import { type KmsOperation, kmsMethodNames } from "../support/aroundKms.js";
import { externalKey, importRequest } from "../support/importMaterial.js";
import { sdkClient } from "../support/kmsEndpoint.js";
import { type FreshDatabase, freshDatabase } from "../support/postgres/freshDatabase.js";
import { describeWithPostgres } from "../support/postgres/postgresUrl.js";
import { sdkKms } from "../support/sdkKms.js";
import { differentialCredential, listenSigned } from "./support/overHttp.js";

// As many sequences as the differential HTTP run (test/e2e/differentialModel.test.ts): 100 by
// default, a tenth of KMS_MODEL_RUNS when set.
const sequences = Math.max(1, Math.round(Number(process.env["KMS_MODEL_RUNS"] ?? 1000) / 10));

/**
 * `url` with a password in it. The test servers trust the superuser, so a password PostgreSQL
 * does not ask for is accepted and ignored: enough to check that no message shows it. A URL that
 * already has one (KMS_BYOK_TEST_POSTGRES_URL) keeps it.
 */
function withPassword(url: string): { url: string; password: string } {
  const parsed = new URL(url);
  if (parsed.password === "") parsed.password = `pw-${randomBytes(12).toString("hex")}`;
  return { url: parsed.toString(), password: decodeURIComponent(parsed.password) };
}

/** A running serve and a Kms that talks to it through the AWS SDK. */
interface Server {
  readonly serve: RunningServe;
  readonly kms: Kms;
  readonly client: KMSClient;
}

async function startServer(url: string, rootKeyFile: string): Promise<Server> {
  const serve = await startServe("--port", "0", "--database", url, "--root-key-file", rootKeyFile);
  if (!isRunning(serve)) throw new Error(`kms-byok serve did not start:\n${serve.stderr}`);
  const client = sdkClient(serve.url);
  return { serve, kms: sdkKms(client), client };
}

describeWithPostgres("two kms-byok serve processes on one PostgreSQL database", (serverUrl) => {
  let database: FreshDatabase | undefined;
  let url = "";
  let password = "";
  let a: Server | undefined;
  let b: Server | undefined;
  const servers = () => {
    if (a === undefined || b === undefined) throw new Error("the servers did not start");
    return { a, b };
  };

  beforeAll(async () => {
    database = await freshDatabase(serverUrl);
    ({ url, password } = withPassword(database.url));
    const rootKeyFile = join(mkdtempSync(join(tmpdir(), "kms-byok-shared-postgres-")), "root.key");
    // One after the other: the first creates the schema and the root key file, as on a first
    // deployment; the second finds both.
    a = await startServer(url, rootKeyFile);
    b = await startServer(url, rootKeyFile);
  }, 60_000);

  afterAll(async () => {
    a?.client.destroy();
    b?.client.destroy();
    killLeftoverServes();
    await database?.drop();
  });

  it("imports through B, with the parameters A gave, into a key created through A; each then decrypts what the other encrypted", async () => {
    const { a, b } = servers();
    const KeyId = await externalKey(a.kms);
    const request = await importRequest(a.kms, KeyId);

    expect(await b.kms.importKeyMaterial(request)).toBeOk();

    for (const [from, to] of [
      [a, b],
      [b, a],
    ] as const) {
      expect((await to.kms.describeKey({ KeyId }))._unsafeUnwrap().KeyMetadata.KeyState).toBe(
        "Enabled",
      );
      const Plaintext = randomBytes(48);
      const { CiphertextBlob } = (await from.kms.encrypt({ KeyId, Plaintext }))._unsafeUnwrap();
      const decrypted = (await to.kms.decrypt({ CiphertextBlob }))._unsafeUnwrap();
      expect(Buffer.from(decrypted.Plaintext).equals(Plaintext)).toBe(true);
    }
  });

  it("refuses through B, with InvalidImportTokenException, an import token spent through A", async () => {
    const { a, b } = servers();
    const KeyId = await externalKey(b.kms);
    const request = await importRequest(b.kms, KeyId);
    expect(await a.kms.importKeyMaterial(request)).toBeOk();

    const again = await b.kms.importKeyMaterial(request);

    expect(again._unsafeUnwrapErr().name).toBe("InvalidImportTokenException");
    const described = (await b.kms.describeKey({ KeyId }))._unsafeUnwrap();
    expect(described.KeyMetadata.KeyState).toBe("Enabled");
  });

  it("accepts exactly one of 20 simultaneous imports of one token sent to both servers, and refuses the other 19 with InvalidImportTokenException", async () => {
    const { a, b } = servers();
    const KeyId = await externalKey(a.kms);
    const request = await importRequest(b.kms, KeyId);

    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).kms.importKeyMaterial(request)),
    );

    expect(outcomes.filter((outcome) => outcome.isOk())).toHaveLength(1);
    const refused = outcomes.flatMap((outcome) => (outcome.isErr() ? [outcome.error.name] : []));
    expect(refused).toEqual(Array(19).fill("InvalidImportTokenException"));
    for (const { kms } of [a, b])
      expect((await kms.describeKey({ KeyId }))._unsafeUnwrap().KeyMetadata.KeyState).toBe(
        "Enabled",
      );
  });

  it("lists on each server the keys created through both", async () => {
    const { a, b } = servers();
    const created = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? a : b).kms.createKey({})),
    );
    const ids = created.map((result) => result._unsafeUnwrap().KeyMetadata.KeyId);
    for (const { kms } of [a, b]) {
      const listed = (await kms.listKeys({}))._unsafeUnwrap().Keys.map((key) => key.KeyId);
      expect(listed).toEqual(expect.arrayContaining(ids));
    }
  });

  it("says where keys are kept with the password redacted, never prints the password, and stops on SIGTERM with 0", async () => {
    const { a, b } = servers();
    const redacted = redactDatabaseUrl(url);
    expect(redacted).toContain(":***@");
    for (const { serve } of [a, b]) {
      expect(serve.stdout()).toContain(`Keys are kept in PostgreSQL at ${redacted}`);
      serve.kill("SIGTERM");
      expect(await serve.exited).toEqual({ code: 0, signal: null });
      expect(serve.stdout()).toContain("kms-byok serve: stopped");
      expect(serve.stdout() + serve.stderr()).not.toContain(password);
    }
  });
});

describeWithPostgres("runKmsModel against two servers on one PostgreSQL database", (serverUrl) => {
  let database: FreshDatabase | undefined;
  let stores: SqlKeyStore[] = [];
  let admin: pg.Client | undefined;

  beforeAll(async () => {
    database = await freshDatabase(serverUrl);
    const { url } = database;
    // Two stores, as two hosts would open them: each its own pool, both migrating at once.
    stores = await Promise.all(
      [0, 1].map(async () => (await openPostgresKeyStore({ url }))._unsafeUnwrap()),
    );
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.end();
    await Promise.all(stores.map((store) => store.close()));
    await database?.drop();
  });

  /** The two stores and a connection to empty their tables, once beforeAll opened them. */
  const opened = () => {
    const [storeA, storeB] = stores;
    if (storeA === undefined || storeB === undefined || admin === undefined)
      throw new Error("the stores did not open");
    return { stores: [storeA, storeB] as const, admin };
  };

  it(`agrees with the reference model when calls alternate between the two servers, and the shared audit trail holds every event (${sequences} sequences)`, async () => {
    // Every server of one database shares its root key; each has its own crypto provider.
    const rootKey = randomBytes(32);
    const run = twoServers({ ...opened(), rootKeys: [rootKey, rootKey] });
    const started = performance.now();

    await runKmsModel(run.target, { numRuns: sequences });

    const seconds = (performance.now() - started) / 1000;
    console.info(
      `runKmsModel over two servers on one PostgreSQL: ${sequences} sequences in ${seconds.toFixed(1)} s (${run.callsTo[0]} calls to A, ${run.callsTo[1]} to B)`,
    );
    expect(run.closed()).toBeGreaterThanOrEqual(sequences);
    expect(run.internalErrors).toEqual([]);
    for (const calls of run.callsTo) expect(calls).toBeGreaterThan(5 * sequences);
  }, 300_000);

  it("fails when the two servers have different root keys, so the run does reach across servers", async () => {
    const run = twoServers({ ...opened(), rootKeys: [randomBytes(32), randomBytes(32)] });

    const failure = await runKmsModel(run.target, {
      numRuns: 100,
      parameters: { endOnFailure: true },
    }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(KmsModelFailure);
    // Such as "ImportKeyMaterial(…): expected success, got InvalidImportTokenException: The
    // import token is not valid: it was not issued by this KMS." for a token from the other.
    expect((failure as KmsModelFailure).message).toContain("Disagreement: ");
  }, 120_000);
});

/**
 * A model target: for each sequence, two verified-mode servers on the run's clock, account and
 * Region, one on each store, with the given root keys; its Kms alternates its calls between
 * them through the AWS SDK. Closing it stops both, checks that the stores' shared audit trail
 * holds what both servers told the audit sink, and empties the tables for the next sequence.
 */
function twoServers(options: {
  readonly stores: readonly [SqlKeyStore, SqlKeyStore];
  readonly admin: pg.Client;
  readonly rootKeys: readonly [Uint8Array, Uint8Array];
}) {
  const { stores, admin, rootKeys } = options;
  const callsTo = [0, 0];
  const internalErrors: unknown[] = [];
  let closed = 0;
  const target: KmsTarget = async ({ clock, accountId, region, audit }) => {
    const told: KeyEvent[] = [];
    const record = (event: KeyEvent) => {
      told.push(event);
      audit.record(event);
    };
    const credentials = [{ ...differentialCredential, accountId }];
    const endpoints: { server: KmsServer; client: KMSClient }[] = [];
    for (const [i, store] of stores.entries()) {
      const server = createKmsServer({
        clock,
        region,
        credentials,
        store,
        crypto: testCrypto({ rootKey: rootKeys[i] as Uint8Array }),
        audit: { record },
        onInternalError: (error) => internalErrors.push(error),
      });
      const { client } = await listenSigned(server, { clock, region });
      endpoints.push({ server, client });
    }
    return {
      kms: alternating(
        endpoints.map(({ client }) => sdkKms(client)),
        callsTo,
      ),
      close: async () => {
        for (const { client } of endpoints) client.destroy();
        await Promise.all(endpoints.map(({ server }) => server.close()));
        const kept = (await stores[0].events())._unsafeUnwrap();
        await admin.query("truncate kms_keys, kms_events, kms_aliases, kms_scopes");
        closed += 1;
        expect(byKey(kept)).toEqual(byKey(told));
      },
    };
  };
  return { target, callsTo, internalErrors, closed: () => closed };
}

/** A Kms that sends its first call to the first of `targets`, its second to the next, and so on. */
function alternating(targets: readonly Kms[], callsTo: number[]): Kms {
  let next = 0;
  const method = (operation: KmsOperation) => (request: unknown) => {
    const index = next++ % targets.length;
    callsTo[index] = (callsTo[index] ?? 0) + 1;
    const target = targets[index] as Kms;
    return (target[operation] as (request: unknown) => unknown)(request);
  };
  return Object.fromEntries(
    kmsMethodNames.map((operation) => [operation, method(operation)]),
  ) as unknown as Kms;
}

/**
 * Events grouped by key, as JSON, sorted. Not in the order they were told: two servers in one
 * process may tell the audit sink about two writes of one key in either order (the second can
 * commit before the first server's callback runs), while the store keeps them by version.
 */
function byKey(events: readonly KeyEvent[]): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const event of events)
    grouped.set(event.keyArn, [...(grouped.get(event.keyArn) ?? []), JSON.stringify(event)]);
  for (const list of grouped.values()) list.sort();
  return grouped;
}
