// Faults of the PostgreSQL a `kms-byok serve --database URL` keeps its keys in: down at start,
// lost mid-run (stopped, or stalled), and a corrupt row. Each outage runs on a throwaway cluster
// of this file's own, so stopping it disturbs no other test; the corrupt rows are in a database of
// their own on the run's server. The SQLite twin of the corrupt row: corruptRecord.test.ts.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { type AddressInfo, connect, createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EncryptCommand,
  ImportKeyMaterialCommand,
  type KMSClient,
  KMSServiceException,
  ListKeysCommand,
} from "@aws-sdk/client-kms";
import pg from "pg";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { wrapKeyMaterial } from "../../src/client/wrapKeyMaterial.js";
import type { KmsError } from "../../src/domain/kmsError.js";
import { openPostgresKeyStore, type SqlKeyStore } from "../../src/sql/index.js";
import { testCrypto } from "../../src/testing/testCrypto.js";
import { isRunning, killLeftoverServes, kmsByok, startServe } from "../cli/kmsByok.js";
import { type KmsEndpoint, sdkClient, startKmsEndpoint } from "../support/kmsEndpoint.js";
import { type FreshDatabase, freshDatabase } from "../support/postgres/freshDatabase.js";
import {
  describeWithPostgres,
  describeWithPostgresBinaries,
} from "../support/postgres/postgresUrl.js";
import {
  startThrowawayCluster,
  type ThrowawayCluster,
} from "../support/postgres/throwawayCluster.js";
import { sdkKms } from "../support/sdkKms.js";

afterEach(killLeftoverServes);

const password = `pw-${randomBytes(12).toString("hex")}`;

/**
 * `url` with {@link password} in it. The throwaway cluster trusts its superuser, so it accepts
 * and ignores a password: enough to check that no message shows it.
 */
function withPassword(url: string): string {
  const parsed = new URL(url);
  parsed.password = password;
  return parsed.toString();
}

/** The URL as every message must show it: the password replaced by `***`. */
function redacted(database: FreshDatabase, port: number): string {
  return `postgresql://postgres:***@127.0.0.1:${port}/${database.name}`;
}

const rootKeyFile = () =>
  join(mkdtempSync(join(tmpdir(), "kms-byok-postgres-faults-")), "root.key");

/** What the SDK threw: its name, its HTTP status and its message. */
async function failureOf(sent: Promise<unknown>) {
  const thrown = await sent.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(thrown instanceof KMSServiceException))
    throw new Error(`expected a KMS service exception, got ${String(thrown)}`);
  return {
    name: thrown.name,
    status: thrown.$metadata.httpStatusCode,
    requestId: thrown.$metadata.requestId,
    message: thrown.message,
  };
}

/** An EXTERNAL key with material imported, through `client`. */
async function keyWithMaterial(client: KMSClient): Promise<string> {
  const kms = sdkKms(client);
  const KeyId = (await kms.createKey({ Origin: "EXTERNAL" }))._unsafeUnwrap().KeyMetadata.KeyId;
  const params = (
    await kms.getParametersForImport({
      KeyId,
      WrappingAlgorithm: "RSAES_OAEP_SHA_256",
      WrappingKeySpec: "RSA_2048",
    })
  )._unsafeUnwrap();
  const EncryptedKeyMaterial = wrapKeyMaterial({
    publicKey: params.PublicKey,
    wrappingAlgorithm: "RSAES_OAEP_SHA_256",
    keyMaterial: randomBytes(32),
  })._unsafeUnwrap();
  (
    await kms.importKeyMaterial({
      KeyId,
      ImportToken: params.ImportToken,
      EncryptedKeyMaterial,
      ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE",
    })
  )._unsafeUnwrap();
  return KeyId;
}

describeWithPostgresBinaries("kms-byok serve --database URL when the database fails", () => {
  let cluster: ThrowawayCluster | undefined;
  const databases: FreshDatabase[] = [];
  const started = () => {
    if (cluster === undefined) throw new Error("no cluster");
    return cluster;
  };
  const newDatabase = async () => {
    const database = await freshDatabase(started().url);
    databases.push(database);
    return database;
  };

  beforeAll(async () => {
    cluster = await startThrowawayCluster();
  }, 120_000);

  afterEach(async () => {
    // A failed test may leave the cluster lost or stalled.
    if (cluster !== undefined) resumeProcesses(cluster);
    await cluster?.resume();
  });

  afterAll(async () => {
    await Promise.all(databases.map((database) => database.drop().catch(() => {})));
    await cluster?.stop();
  }, 60_000);

  it("exits 2 when the database is down at start, naming its URL without the password and the cause, and starts once it is back", async () => {
    const cluster = started();
    const database = await newDatabase();
    const url = withPassword(database.url);
    const keyFile = rootKeyFile();
    await cluster.pause();

    const run = await kmsByok(
      "serve",
      "--port",
      "0",
      "--database",
      url,
      "--root-key-file",
      keyFile,
    );

    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `kms-byok serve: cannot open the key store: PostgreSQL at ${redacted(database, cluster.port)}: `,
    );
    expect(run.stderr).toContain(`ECONNREFUSED 127.0.0.1:${cluster.port}`);
    expect(run.stdout).not.toContain("endpoint is ready");
    expect(run.stdout + run.stderr).not.toContain(password);

    await cluster.resume();
    const serve = await startServe("--port", "0", "--database", url, "--root-key-file", keyFile);
    if (!isRunning(serve)) throw new Error(`kms-byok serve did not start:\n${serve.stderr}`);
    expect(serve.stdout()).toContain(
      `Keys are kept in PostgreSQL at ${redacted(database, cluster.port)}`,
    );
    serve.kill("SIGTERM");
    expect(await serve.exited).toEqual({ code: 0, signal: null });
    expect(serve.stdout() + serve.stderr()).not.toContain(password);
  });

  it("answers DependencyTimeoutException (HTTP 503) while the database is lost, and serves again without a restart once it is back, with the keys it had", async () => {
    const cluster = started();
    const database = await newDatabase();
    const serve = await startServe(
      "--port",
      "0",
      "--database",
      withPassword(database.url),
      "--root-key-file",
      rootKeyFile(),
    );
    if (!isRunning(serve)) throw new Error(`kms-byok serve did not start:\n${serve.stderr}`);
    const client = sdkClient(serve.url);
    try {
      const KeyId = await keyWithMaterial(client);
      const Plaintext = randomBytes(40);
      const { CiphertextBlob } = await client.send(new EncryptCommand({ KeyId, Plaintext }));

      await cluster.pause();

      const requests = {
        DescribeKey: () => client.send(new DescribeKeyCommand({ KeyId })),
        Encrypt: () => client.send(new EncryptCommand({ KeyId, Plaintext })),
        Decrypt: () => client.send(new DecryptCommand({ CiphertextBlob })),
        CreateKey: () => client.send(new CreateKeyCommand({})),
        ListKeys: () => client.send(new ListKeysCommand({})),
      };
      for (const [operation, send] of Object.entries(requests)) {
        const before = performance.now();
        const failure = await failureOf(send());
        const seconds = (performance.now() - before) / 1000;
        expect({ operation, ...failure }).toMatchObject({
          operation,
          name: "DependencyTimeoutException",
          status: 503,
        });
        expect(failure.message).toContain(
          `The PostgreSQL key store at ${redacted(database, cluster.port)} did not answer`,
        );
        expect(seconds).toBeLessThan(6);
      }

      await cluster.resume();

      const described = await client.send(new DescribeKeyCommand({ KeyId }));
      expect(described.KeyMetadata?.KeyState).toBe("Enabled");
      const decrypted = await client.send(new DecryptCommand({ CiphertextBlob }));
      expect(Buffer.from(decrypted.Plaintext ?? []).equals(Plaintext)).toBe(true);
      const created = await client.send(new CreateKeyCommand({}));
      const listed = await client.send(new ListKeysCommand({}));
      expect(listed.Keys?.map((key) => key.KeyId).sort()).toEqual(
        [KeyId, created.KeyMetadata?.KeyId].sort(),
      );
      expect(isRunning(serve)).toBe(true);
      expect(serve.stderr()).toContain("DependencyTimeoutException");
      expect(serve.stdout() + serve.stderr()).not.toContain(password);
    } finally {
      client.destroy();
      serve.kill("SIGTERM");
    }
    expect(await serve.exited).toEqual({ code: 0, signal: null });
  }, 60_000);

  it("answers DependencyTimeoutException (HTTP 503) within its timeouts while the database hangs, and serves again once it answers", async () => {
    const cluster = started();
    const database = await newDatabase();
    const serve = await startServe(
      "--port",
      "0",
      "--database",
      withPassword(database.url),
      "--root-key-file",
      rootKeyFile(),
    );
    if (!isRunning(serve)) throw new Error(`kms-byok serve did not start:\n${serve.stderr}`);
    const client = sdkClient(serve.url);
    try {
      const KeyId = await keyWithMaterial(client);
      const Plaintext = randomBytes(40);
      const { CiphertextBlob } = await client.send(new EncryptCommand({ KeyId, Plaintext }));
      const pending = await importRequest(client);

      // Every process of the cluster stopped (SIGSTOP): connections stay open, nothing answers.
      stallProcesses(cluster);
      const timed = async (send: () => Promise<unknown>) => {
        const before = performance.now();
        const failure = await failureOf(send());
        return { ...failure, seconds: (performance.now() - before) / 1000 };
      };
      const [read, write] = await Promise.all([
        timed(() => client.send(new DescribeKeyCommand({ KeyId }))),
        timed(() => client.send(new ImportKeyMaterialCommand(pending))),
      ]);
      for (const failure of [read, write]) {
        expect(failure).toMatchObject({ name: "DependencyTimeoutException", status: 503 });
        expect(failure.seconds).toBeGreaterThan(4.5);
        // 5 s for a read; a write's transaction may wait 5 s more for its ROLLBACK.
        expect(failure.seconds).toBeLessThan(12);
      }

      resumeProcesses(cluster);

      await expect
        .poll(async () => (await client.send(new DescribeKeyCommand({ KeyId }))).KeyMetadata, {
          timeout: 10_000,
        })
        .toMatchObject({ KeyState: "Enabled" });
      const decrypted = await client.send(new DecryptCommand({ CiphertextBlob }));
      expect(Buffer.from(decrypted.Plaintext ?? []).equals(Plaintext)).toBe(true);
      const pendingKey = await client.send(new DescribeKeyCommand({ KeyId: pending.KeyId }));
      expect(pendingKey.KeyMetadata?.KeyState).toBe("PendingImport");
      await client.send(new ImportKeyMaterialCommand(pending));
      const imported = await client.send(new DescribeKeyCommand({ KeyId: pending.KeyId }));
      expect(imported.KeyMetadata?.KeyState).toBe("Enabled");
      expect(serve.stdout() + serve.stderr()).not.toContain(password);
    } finally {
      resumeProcesses(cluster);
      client.destroy();
      serve.kill("SIGTERM");
    }
    expect(await serve.exited).toEqual({ code: 0, signal: null });
  }, 60_000);

  // A query that timed out leaves its connection waiting for an answer that, after a failover,
  // never comes; openPostgresKeyStore closes such a connection when it goes back to the pool,
  // so the next request gets a fresh one instead of waiting out the timeout again.
  it("serves again by itself once the database answers after its connections were black-holed (a failover), while requests keep coming", async () => {
    const cluster = started();
    const database = await newDatabase();
    const proxy = await blackHoleProxy(cluster.port);
    const url = new URL(database.url);
    url.port = String(proxy.port);
    const store = (
      await openPostgresKeyStore({ url: url.toString(), timeoutMs: 1000 })
    )._unsafeUnwrap();
    const endpoint = await startKmsEndpoint({
      store,
      crypto: testCrypto(),
      onInternalError: () => {},
    });
    const client = sdkClient(endpoint.url);
    const stateOf = (KeyId: string) =>
      client.send(new DescribeKeyCommand({ KeyId })).then(
        (described) => described.KeyMetadata?.KeyState,
        (error: Error) => error.name,
      );
    try {
      const KeyId = (await client.send(new CreateKeyCommand({}))).KeyMetadata?.KeyId ?? "";
      expect(await stateOf(KeyId)).toBe("Enabled");

      proxy.blackHole();
      expect(await stateOf(KeyId)).toBe("DependencyTimeoutException");
      proxy.heal();

      // Each failing attempt takes the 1 s timeout: the connection is never idle for 10 s.
      await expect.poll(() => stateOf(KeyId), { timeout: 8000, interval: 100 }).toBe("Enabled");
    } finally {
      client.destroy();
      await endpoint.close();
      proxy.close();
      await store.close();
    }
  }, 30_000);
});

/** A new EXTERNAL key and an import request for it, not sent yet. */
async function importRequest(client: KMSClient) {
  const kms = sdkKms(client);
  const KeyId = (await kms.createKey({ Origin: "EXTERNAL" }))._unsafeUnwrap().KeyMetadata.KeyId;
  const params = (
    await kms.getParametersForImport({
      KeyId,
      WrappingAlgorithm: "RSAES_OAEP_SHA_256",
      WrappingKeySpec: "RSA_2048",
    })
  )._unsafeUnwrap();
  return {
    KeyId,
    ImportToken: params.ImportToken,
    EncryptedKeyMaterial: wrapKeyMaterial({
      publicKey: params.PublicKey,
      wrappingAlgorithm: "RSAES_OAEP_SHA_256",
      keyMaterial: randomBytes(32),
    })._unsafeUnwrap(),
    ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE" as const,
  };
}

/**
 * A TCP proxy to 127.0.0.1:`port` that can black-hole its connections: blackHole() stops
 * forwarding on every connection open now and holds new ones unanswered; heal() forwards new
 * connections again, while the black-holed ones stay silent, as connections to a database host
 * that is gone (no reset ever comes back).
 */
async function blackHoleProxy(port: number) {
  let holding = false;
  const sockets = new Set<Socket>();
  const silenced: (() => void)[] = [];
  const proxy = createServer((downstream) => {
    sockets.add(downstream);
    downstream.on("error", () => {});
    if (holding) return;
    const upstream = connect(port, "127.0.0.1");
    sockets.add(upstream);
    upstream.on("error", () => {});
    let open = true;
    silenced.push(() => {
      open = false;
    });
    downstream.on("data", (data) => open && upstream.write(data));
    upstream.on("data", (data) => open && downstream.write(data));
    downstream.on("close", () => open && upstream.destroy());
    upstream.on("close", () => open && downstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  return {
    port: (proxy.address() as AddressInfo).port,
    blackHole() {
      holding = true;
      for (const silence of silenced.splice(0)) silence();
    },
    heal() {
      holding = false;
    },
    close() {
      proxy.close();
      for (const socket of sockets) socket.destroy();
    },
  };
}

/** The postmaster of a running cluster and its children (the backends, the WAL writer…). */
function clusterProcesses(cluster: ThrowawayCluster): number[] {
  let postmaster: number;
  try {
    postmaster = Number(
      readFileSync(join(cluster.dataDir, "postmaster.pid"), "utf8").split("\n")[0],
    );
  } catch {
    return [];
  }
  const children = execFileSync("ps", ["-o", "pid=", "--ppid", String(postmaster)], {
    encoding: "utf8",
  }).trim();
  return [postmaster, ...(children === "" ? [] : children.split(/\s+/).map(Number))];
}

function stallProcesses(cluster: ThrowawayCluster): void {
  for (const pid of clusterProcesses(cluster)) process.kill(pid, "SIGSTOP");
}

function resumeProcesses(cluster: ThrowawayCluster): void {
  for (const pid of clusterProcesses(cluster)) {
    try {
      process.kill(pid, "SIGCONT");
    } catch {
      // gone already
    }
  }
}

describeWithPostgres("a corrupt key row in PostgreSQL", (serverUrl) => {
  let database: FreshDatabase | undefined;
  let store: SqlKeyStore | undefined;
  let endpoint: KmsEndpoint | undefined;
  let client: KMSClient | undefined;
  let db: pg.Client | undefined;
  const told: { error: unknown; requestId: string }[] = [];

  beforeAll(async () => {
    database = await freshDatabase(serverUrl);
    store = (await openPostgresKeyStore({ url: database.url }))._unsafeUnwrap();
    endpoint = await startKmsEndpoint({
      store,
      crypto: testCrypto(),
      onInternalError: (error, requestId) => told.push({ error, requestId }),
    });
    client = sdkClient(endpoint.url);
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
  });

  afterAll(async () => {
    client?.destroy();
    await endpoint?.close();
    await store?.close();
    await db?.end();
    await database?.drop();
  });

  const ready = () => {
    if (client === undefined || db === undefined) throw new Error("not started");
    return { client, db };
  };

  /** Three keys with material, in ARN order; the caller corrupts the middle one. */
  async function threeKeys() {
    const { client, db } = ready();
    await db.query("truncate kms_keys, kms_events");
    told.length = 0;
    const ids = await Promise.all([0, 1, 2].map(() => keyWithMaterial(client)));
    const rows = await db.query<{ arn: string; record: string }>(
      'select arn, record from kms_keys order by arn collate "C"',
    );
    const byArn = rows.rows.map(({ arn, record }) => ({
      arn,
      record,
      KeyId: ids.find((id) => arn.endsWith(`key/${id}`)) ?? "",
    }));
    return byArn as [(typeof byArn)[0], (typeof byArn)[0], (typeof byArn)[0]];
  }

  for (const [what, corruption] of [
    ["a record that misses its members", () => '{"layout":1,"keyState":"Enabled"}'],
    ["a record that is not JSON", () => '{"layout":1,'],
    ["a record of another layout", () => '{"layout":2}'],
    ["the record of another key", (other: { record: string }) => other.record],
  ] as const) {
    it(`answers KMSInternalException (HTTP 500) naming the key for ${what}, tells onInternalError with the request ID, and serves the other keys`, async () => {
      const { client, db } = ready();
      const [first, corrupt, last] = await threeKeys();
      const corruptText = corruption(first);
      const { CiphertextBlob } = await client.send(
        new EncryptCommand({ KeyId: corrupt.KeyId, Plaintext: randomBytes(8) }),
      );
      await db.query("update kms_keys set record = $1 where arn = $2", [corruptText, corrupt.arn]);

      for (const send of [
        () => client.send(new DescribeKeyCommand({ KeyId: corrupt.KeyId })),
        () => client.send(new EncryptCommand({ KeyId: corrupt.KeyId, Plaintext: randomBytes(8) })),
        () => client.send(new DecryptCommand({ CiphertextBlob })),
        () => client.send(new DisableKeyCommand({ KeyId: corrupt.KeyId })),
      ]) {
        const failure = await failureOf(send());
        expect(failure).toMatchObject({ name: "KMSInternalException", status: 500 });
        expect(failure.message).toMatch(/^The stored record of key '[^']+' is unreadable: .+\.$/);
        expect(failure.message).toContain(`'${corrupt.arn}'`);
        expect(told.at(-1)?.requestId).toBe(failure.requestId);
        expect(told.at(-1)?.error as KmsError).toMatchObject({
          name: "KMSInternalException",
          message: failure.message,
        });
      }
      expect(told).toHaveLength(4);
      const kept = await db.query("select record from kms_keys where arn = $1", [corrupt.arn]);
      expect(kept.rows).toEqual([{ record: corruptText }]);

      for (const { KeyId } of [first, last]) {
        const described = await client.send(new DescribeKeyCommand({ KeyId }));
        expect(described.KeyMetadata?.KeyState).toBe("Enabled");
        const Plaintext = randomBytes(16);
        const { CiphertextBlob } = await client.send(new EncryptCommand({ KeyId, Plaintext }));
        const decrypted = await client.send(new DecryptCommand({ CiphertextBlob }));
        expect(Buffer.from(decrypted.Plaintext ?? []).equals(Plaintext)).toBe(true);
      }
      expect(told).toHaveLength(4);

      // ListKeys lists the corrupt key among the others, page by page: it exists.
      const pages = [];
      for (let Marker: string | undefined; ; ) {
        const page = await client.send(
          new ListKeysCommand({ Limit: 1, ...(Marker ? { Marker } : {}) }),
        );
        pages.push(page.Keys?.map((key) => key.KeyId));
        Marker = page.NextMarker;
        if (Marker === undefined) break;
      }
      expect(pages).toEqual([[first.KeyId], [corrupt.KeyId], [last.KeyId]]);
      const everything = await client.send(new ListKeysCommand({}));
      expect(everything.Keys?.map((key) => key.KeyArn)).toEqual([first.arn, corrupt.arn, last.arn]);
      expect(told).toHaveLength(4);
      expect((await client.send(new CreateKeyCommand({}))).KeyMetadata?.KeyState).toBe("Enabled");

      // Put back, the record is read again: nothing was cached or changed.
      await db.query("update kms_keys set record = $1 where arn = $2", [
        corrupt.record,
        corrupt.arn,
      ]);
      const repaired = await client.send(new DescribeKeyCommand({ KeyId: corrupt.KeyId }));
      expect(repaired.KeyMetadata?.KeyState).toBe("Enabled");
      const listed = await client.send(new ListKeysCommand({}));
      expect(listed.Keys?.map((key) => key.KeyId)).toEqual(
        expect.arrayContaining([first.KeyId, corrupt.KeyId, last.KeyId]),
      );
    });
  }
});
