// Faults of the PostgreSQL a `kms-byok serve --database URL` keeps its keys in: down at start, lost
// mid-run (stopped, or stalled), and connections black-holed. Each outage runs on a throwaway
// cluster of this file's own, so stopping it disturbs no other test. A corrupt row, in PostgreSQL
// as in SQLite: corruptRecord.test.ts.
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
  EncryptCommand,
  ImportKeyMaterialCommand,
  type KMSClient,
  ListKeysCommand,
} from "@aws-sdk/client-kms";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import type { Kms } from "../../src/service/kms.js";
import { openPostgresKeyStore } from "../../src/sql/index.js";
import { testCrypto } from "../../src/testing/testCrypto.js";
import {
  isRunning,
  killLeftoverServes,
  kmsByok,
  type RunningServe,
  startServe,
} from "../cli/kmsByok.js";
import { externalKey, importRequest, keyWithMaterial } from "../support/importMaterial.js";
import { sdkClient, startKmsEndpoint } from "../support/kmsEndpoint.js";
import { type FreshDatabase, freshDatabase } from "../support/postgres/freshDatabase.js";
import { describeWithPostgresBinaries } from "../support/postgres/postgresUrl.js";
import {
  startThrowawayCluster,
  type ThrowawayCluster,
} from "../support/postgres/throwawayCluster.js";
import { sdkKms } from "../support/sdkKms.js";
import { failureOf } from "./support/sdkImports.js";

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

  /**
   * Runs `test` against a `kms-byok serve` on a new database of the cluster (its URL with
   * {@link password} in it), through an SDK client, with a key that has material and a ciphertext
   * under it, made while the database answered. Then checks that no output showed the password,
   * and, the cluster resumed, that the serve stops with 0 on SIGTERM.
   */
  async function withServedKey(
    test: (served: {
      database: FreshDatabase;
      serve: RunningServe;
      client: KMSClient;
      kms: Kms;
      KeyId: string;
      Plaintext: Uint8Array;
      CiphertextBlob: Uint8Array | undefined;
    }) => Promise<void>,
  ): Promise<void> {
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
      const kms = sdkKms(client);
      const KeyId = await keyWithMaterial(kms);
      const Plaintext = randomBytes(40);
      const { CiphertextBlob } = await client.send(new EncryptCommand({ KeyId, Plaintext }));
      await test({ database, serve, client, kms, KeyId, Plaintext, CiphertextBlob });
      expect(serve.stdout() + serve.stderr()).not.toContain(password);
    } finally {
      resumeProcesses(started());
      client.destroy();
      serve.kill("SIGTERM");
    }
    expect(await serve.exited).toEqual({ code: 0, signal: null });
  }

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
    await withServedKey(async ({ database, serve, client, KeyId, Plaintext, CiphertextBlob }) => {
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
    });
  }, 60_000);

  it("answers DependencyTimeoutException (HTTP 503) within its timeouts while the database hangs, and serves again once it answers", async () => {
    const cluster = started();
    await withServedKey(async ({ client, kms, KeyId, Plaintext, CiphertextBlob }) => {
      const pending = await importRequest(kms, await externalKey(kms));

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
    });
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
