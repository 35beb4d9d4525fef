import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { serveSettings } from "../../src/cli/serveSettings.js";
import { openSqliteKeyStore } from "../../src/sql/openSqliteKeyStore.js";
import { sampleKeyRecord } from "../../src/testing/_internals/sampleKeyRecord.js";
import { externalKey, importRequest, keyWithMaterial } from "../support/importMaterial.js";
import { sdkClient } from "../support/kmsEndpoint.js";
import { sdkKms } from "../support/sdkKms.js";
import { runInProcess } from "./captureIo.js";
import { isRunning, killLeftoverServes, startServe } from "./kmsByok.js";
import { withDurableKms } from "./withDurableKms.js";

afterEach(killLeftoverServes);

// Runs that end by themselves (refusals, `events`) run in process; servers are spawned.
const kmsByok = (...args: string[]) => runInProcess(args);

const freshDir = () => mkdtempSync(join(tmpdir(), "kms-byok-serve-data-"));

/** A running `kms-byok serve --port 0 args`, and a Kms that talks to it through the AWS SDK. */
async function serving(...args: string[]) {
  const serve = await startServe("--port", "0", ...args);
  if (!isRunning(serve)) throw new Error(`kms-byok serve did not start:\n${serve.stderr}`);
  const client = sdkClient(serve.url);
  return {
    serve,
    kms: sdkKms(client),
    stop: async () => {
      client.destroy();
      serve.kill("SIGTERM");
      expect(await serve.exited).toEqual({ code: 0, signal: null });
    },
  };
}

describe("kms-byok serve --data DIR", () => {
  it("keeps keys, their material and their ciphertexts across a restart", async () => {
    const dir = freshDir();
    const first = await serving("--data", dir);
    expect(first.serve.stdout()).toContain(`Keys are kept in SQLite at ${join(dir, "kms.sqlite")}`);
    const KeyId = await keyWithMaterial(first.kms);
    const Plaintext = randomBytes(64);
    const { CiphertextBlob } = (await first.kms.encrypt({ KeyId, Plaintext }))._unsafeUnwrap();
    await first.stop();

    const second = await serving("--data", dir);
    const described = (await second.kms.describeKey({ KeyId }))._unsafeUnwrap();
    expect(described.KeyMetadata.KeyState).toBe("Enabled");
    const listed = (await second.kms.listKeys({}))._unsafeUnwrap();
    expect(listed.Keys.map((key) => key.KeyId)).toEqual([KeyId]);
    const decrypted = (await second.kms.decrypt({ CiphertextBlob }))._unsafeUnwrap();
    expect(Buffer.from(decrypted.Plaintext).equals(Plaintext)).toBe(true);
    await second.stop();
  });

  it("creates DIR with mode 0700 and the root key file with mode 0600, 32 bytes", async () => {
    const dir = join(freshDir(), "kms-data");
    await withDurableKms({ kind: "sqlite", dataDir: dir, rootKeyFile: join(dir, "root.key") });
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, "root.key")).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, "root.key"))).toHaveLength(32);
  });

  it("keeps the root key where --root-key-file says", async () => {
    const dir = freshDir();
    const rootKeyFile = join(freshDir(), "elsewhere.key");
    const { store } = serveSettings({ data: dir, "root-key-file": rootKeyFile })._unsafeUnwrap();
    expect(store).toEqual({ kind: "sqlite", dataDir: dir, rootKeyFile });
    if (store.kind === "memory") throw new Error("--data must keep keys in SQLite");
    await withDurableKms(store);
    expect(statSync(rootKeyFile).mode & 0o777).toBe(0o600);
    expect(() => statSync(join(dir, "root.key"))).toThrow();
  });

  it("exits 2 before serving when the root key file may be read by others, naming the file and the fix", async () => {
    const dir = freshDir();
    const rootKeyFile = join(dir, "root.key");
    writeFileSync(rootKeyFile, randomBytes(32), { mode: 0o644 });
    chmodSync(rootKeyFile, 0o644);
    const run = await kmsByok("serve", "--port", "0", "--data", dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `root key file ${rootKeyFile} may be read or written by other users (mode 0644)`,
    );
    expect(run.stderr).toContain(`chmod 600 ${rootKeyFile}`);
    expect(run.stdout).not.toContain("endpoint is ready");
  });

  it("exits 2 when the root key file does not hold exactly 32 bytes", async () => {
    const dir = freshDir();
    writeFileSync(join(dir, "root.key"), randomBytes(16), { mode: 0o600 });
    const run = await kmsByok("serve", "--port", "0", "--data", dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("holds 16 bytes; a root key is exactly 32 random bytes");
  });

  it("exits 2 when the root key does not open the stored keys, and leaves them as they were", async () => {
    const dir = freshDir();
    const choice = { kind: "sqlite", dataDir: dir, rootKeyFile: join(dir, "root.key") } as const;
    const KeyId = await withDurableKms(choice, (kms) => keyWithMaterial(kms));
    const rightKey = readFileSync(join(dir, "root.key"));
    writeFileSync(join(dir, "root.key"), randomBytes(32), { mode: 0o600 });

    const run = await kmsByok("serve", "--port", "0", "--data", dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `The root key does not open the keys in ${join(dir, "kms.sqlite")}: they were sealed under another root key.`,
    );
    expect(run.stderr).toContain(join(dir, "root.key"));

    writeFileSync(join(dir, "root.key"), rightKey, { mode: 0o600 });
    const described = await withDurableKms(choice, async (kms) => kms.describeKey({ KeyId }));
    expect(described._unsafeUnwrap().KeyMetadata.KeyState).toBe("Enabled");
  });

  it("exits 2 for a database a newer kms-byok wrote, and does not change a byte of it", async () => {
    const dir = freshDir();
    await withDurableKms({ kind: "sqlite", dataDir: dir, rootKeyFile: join(dir, "root.key") });
    const path = join(dir, "kms.sqlite");
    const db = new Database(path);
    db.prepare("insert into kms_schema_migrations (name, timestamp) values (?, ?)").run(
      "0002_from_the_future",
      new Date().toISOString(),
    );
    db.pragma("wal_checkpoint(TRUNCATE)");
    db.close();
    const before = readFileSync(path);

    const run = await kmsByok("serve", "--port", "0", "--data", dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "has schema migrations this kms-byok does not know (0002_from_the_future): a newer kms-byok wrote it. Upgrade kms-byok; the database was not changed.",
    );
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it("removes keys whose deletion date has passed when it starts, and keeps the others", async () => {
    const dir = freshDir();
    const store = (await openSqliteKeyStore({ path: join(dir, "kms.sqlite") }))._unsafeUnwrap();
    const due = sampleKeyRecord(1, { shape: "PendingDeletion with material" });
    const kept = sampleKeyRecord(2, {
      shape: "PendingDeletion with material",
      deletionDate: new Date("2999-01-01T00:00:00.000Z"),
    });
    for (const record of [due, kept]) (await store.put(record, 0))._unsafeUnwrap();
    await store.close();

    const { stop } = await serving("--data", dir);
    await stop();
    const db = new Database(join(dir, "kms.sqlite"), { readonly: true });
    expect(db.prepare("select arn from kms_keys").all()).toEqual([{ arn: kept.arn }]);
    db.close();
  });

  it("lets two servers share one SQLite file: each sees the other's keys and an import token is spent once", async () => {
    const dir = freshDir();
    const a = await serving("--data", dir);
    const b = await serving("--data", dir);
    const KeyId = await externalKey(a.kms);
    const request = await importRequest(a.kms, KeyId);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).kms.importKeyMaterial(request)),
    );
    expect(outcomes.filter((outcome) => outcome.isOk())).toHaveLength(1);
    for (const outcome of outcomes)
      if (outcome.isErr()) expect(outcome.error.name).toBe("InvalidImportTokenException");

    const createdByB = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? a : b).kms.createKey({})),
    );
    const ids = [KeyId, ...createdByB.map((r) => r._unsafeUnwrap().KeyMetadata.KeyId)].sort();
    for (const server of [a, b]) {
      const listed = (await server.kms.listKeys({}))._unsafeUnwrap();
      expect(listed.Keys.map((key) => key.KeyId).sort()).toEqual(ids);
      expect((await server.kms.describeKey({ KeyId }))._unsafeUnwrap().KeyMetadata.KeyState).toBe(
        "Enabled",
      );
    }
    await Promise.all([a.stop(), b.stop()]);
  });
});

describe("kms-byok events", () => {
  it("prints the audit trail a server kept, after it stopped; --key-id keeps one key's, --json prints JSON lines", async () => {
    const dir = freshDir();
    const { kms, stop } = await serving("--data", dir);
    const material = randomBytes(32);
    const KeyId = await keyWithMaterial(kms, material);
    (await kms.deleteImportedKeyMaterial({ KeyId }))._unsafeUnwrap();
    const other = (await kms.createKey({}))._unsafeUnwrap().KeyMetadata.KeyId;
    await stop();

    const all = await kmsByok("events", "--data", dir);
    expect(all.code).toBe(0);
    const names = all.stdout
      .trim()
      .split("\n")
      .map((line) => line.split(/\s+/)[1]);
    expect(names).toEqual([
      "CreateKey",
      "GetParametersForImport",
      "ImportKeyMaterial",
      "DeleteImportedKeyMaterial",
      "CreateKey",
    ]);
    const one = await kmsByok("events", "--data", dir, "--key-id", other);
    expect(one.stdout.trim().split("\n")).toHaveLength(1);
    expect(one.stdout).toContain(`key/${other}`);
    const json = await kmsByok("events", "--data", dir, "--key-id", KeyId, "--json");
    const events = json.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(events.map((event) => event.keyState)).toEqual([
      "PendingImport",
      "PendingImport",
      "Enabled",
      "PendingImport",
    ]);
    expect(events[2].keyMaterialId).toMatch(/^[0-9a-f]{64}$/);
    expect(json.stdout).not.toContain(Buffer.from(material).toString("base64"));
  });

  it("exits 2 when DIR holds no store", async () => {
    const run = await kmsByok("events", "--data", freshDir());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("kms.sqlite does not exist");
  });
});

describe("kms-byok serve --database URL", () => {
  it("exits 2 when the database cannot be reached, with the URL without its password and the cause", async () => {
    const dir = freshDir();
    const run = await kmsByok(
      "serve",
      "--port",
      "0",
      "--database",
      "postgres://kms:hunter2@127.0.0.1:9/kms",
      "--root-key-file",
      join(dir, "root.key"),
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("postgres://kms:***@127.0.0.1:9/kms");
    expect(run.stderr).toContain("ECONNREFUSED");
    expect(run.stdout + run.stderr).not.toContain("hunter2");
  });
});
