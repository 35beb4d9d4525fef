import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { type DurableChoice, openDurableStore } from "../../src/cli/serveStore.js";
import type { AliasName, AliasRecord } from "../../src/domain/aliasRecord.js";
import type { KeyId } from "../../src/domain/keyId.js";
import type { SqlKeyStore } from "../../src/sql/index.js";
import { keyWithMaterial } from "../support/importMaterial.js";
import { type FreshDatabase, freshDatabase } from "../support/postgres/freshDatabase.js";
import { describeWithPostgres } from "../support/postgres/postgresUrl.js";
import { runInProcess } from "./captureIo.js";
import { withDurableKms } from "./withDurableKms.js";

const freshDir = () => mkdtempSync(join(tmpdir(), "kms-byok-copy-"));

const kmsByok = (...args: string[]) => runInProcess(args);

/** The alias the source store holds, pointing at the key with material. */
function aliasOf(KeyId: string): AliasRecord {
  return {
    aliasName: "alias/copied" as AliasName,
    accountId: "111122223333",
    region: "us-east-1",
    targetKeyId: KeyId as KeyId,
    creationDate: new Date("2026-03-01T12:00:00.123Z"),
    lastUpdatedDate: new Date("2026-03-02T12:00:00.456Z"),
  };
}

/** Runs `use` on the key store `choice` names, opened as serve opens it, and closes it. */
async function withStore<T>(choice: DurableChoice, use: (store: SqlKeyStore) => Promise<T>) {
  const opened = (await openDurableStore(choice))._unsafeUnwrap();
  try {
    return await use(opened.store);
  } finally {
    await opened.close();
  }
}

/** A data directory with two keys, one with imported material and an alias; a ciphertext under it. */
async function populatedDataDir() {
  const dir = freshDir();
  const choice: DurableChoice = {
    kind: "sqlite",
    dataDir: dir,
    rootKeyFile: join(dir, "root.key"),
  };
  const Plaintext = randomBytes(48);
  const made = await withDurableKms(choice, async (kms) => {
    const KeyId = await keyWithMaterial(kms);
    (await kms.createKey({}))._unsafeUnwrap();
    const { CiphertextBlob } = (await kms.encrypt({ KeyId, Plaintext }))._unsafeUnwrap();
    return { KeyId, CiphertextBlob };
  });
  await withStore(choice, async (store) =>
    expect(await store.putAlias(aliasOf(made.KeyId), 0)).toBeOk(1),
  );
  return { dir, Plaintext, ...made };
}

/** The copied store answers as the source did: the key, its state and its ciphertext. */
async function expectCopied(
  choice: DurableChoice,
  source: Awaited<ReturnType<typeof populatedDataDir>>,
) {
  await withDurableKms(choice, async (kms) => {
    expect((await kms.listKeys({}))._unsafeUnwrap().Keys).toHaveLength(2);
    const described = (await kms.describeKey({ KeyId: source.KeyId }))._unsafeUnwrap();
    expect(described.KeyMetadata.KeyState).toBe("Enabled");
    const decrypted = (
      await kms.decrypt({ CiphertextBlob: source.CiphertextBlob })
    )._unsafeUnwrap();
    expect(Buffer.from(decrypted.Plaintext).equals(source.Plaintext)).toBe(true);
  });
  await withStore(choice, async (store) => {
    const alias = aliasOf(source.KeyId);
    expect(await store.getAlias(alias, alias.aliasName)).toBeOk({ alias, version: 1 });
  });
}

describe("kms-byok copy", () => {
  it("copies a data directory into a new one, with its root key, and the copy serves the same keys", async () => {
    const source = await populatedDataDir();
    const target = join(freshDir(), "copy");
    const run = await kmsByok("copy", "--from-data", source.dir, "--to-data", target);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toMatch(/^kms-byok copy: copied 2 keys, 1 aliases and 4 audit events from /);
    expect(
      readFileSync(join(target, "root.key")).equals(readFileSync(join(source.dir, "root.key"))),
    ).toBe(true);
    await expectCopied(
      { kind: "sqlite", dataDir: target, rootKeyFile: join(target, "root.key") },
      source,
    );
    const events = await kmsByok("events", "--data", target);
    expect(events.stdout.trim().split("\n")).toHaveLength(4);
  });

  it("refuses to copy into a store that holds keys, and changes nothing (exit 1)", async () => {
    const source = await populatedDataDir();
    const other = await populatedDataDir();
    writeFileSync(join(other.dir, "root.key"), readFileSync(join(source.dir, "root.key")));
    const before = readFileSync(join(other.dir, "kms.sqlite"));
    const run = await kmsByok("copy", "--from-data", source.dir, "--to-data", other.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("The root key does not open the keys in");

    const target = join(freshDir(), "copy");
    expect((await kmsByok("copy", "--from-data", source.dir, "--to-data", target)).code).toBe(0);
    const again = await kmsByok("copy", "--from-data", source.dir, "--to-data", target);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already holds keys; copy into a store that holds none.");
    expect(readFileSync(join(other.dir, "kms.sqlite")).equals(before)).toBe(true);
  });

  it("copies nothing when a record of the source does not decode (exit 1), naming the key", async () => {
    const source = await populatedDataDir();
    const db = new Database(join(source.dir, "kms.sqlite"));
    db.prepare("update kms_keys set record = '{\"layout\":1}' where arn like ?").run(
      `%${source.KeyId}`,
    );
    db.close();
    const target = join(freshDir(), "copy");
    const run = await kmsByok("copy", "--from-data", source.dir, "--to-data", target);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`key/${source.KeyId}' is unreadable`);
    const copied = new Database(join(target, "kms.sqlite"), { readonly: true });
    expect(copied.prepare("select count(*) as n from kms_keys").get()).toEqual({ n: 0 });
    copied.close();
  });

  it.each([
    [["--to-data", "x"], "give the store to copy from: --from-data DIR or --from-database URL"],
    [["--from-data", "x"], "give the store to copy to: --to-data DIR or --to-database URL"],
    [
      ["--from-database", "postgres://db/kms", "--to-data", "x"],
      "--from-database needs --root-key-file FILE",
    ],
  ])("exits 2 for %j: %s", async (args, message) => {
    const run = await kmsByok("copy", ...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it("exits 2 when the source data directory holds no store", async () => {
    const dir = freshDir();
    const run = await kmsByok("copy", "--from-data", dir, "--to-data", join(dir, "copy"));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("kms.sqlite does not exist");
  });
});

describeWithPostgres("kms-byok copy into PostgreSQL", (serverUrl) => {
  const databases: FreshDatabase[] = [];
  afterAll(() => Promise.all(databases.map((database) => database.drop())));

  it("moves a data directory's keys into PostgreSQL, where a server with the same root key serves them", async () => {
    const source = await populatedDataDir();
    const database = await freshDatabase(serverUrl);
    databases.push(database);
    const rootKeyFile = join(source.dir, "root.key");
    const run = await kmsByok(
      "copy",
      "--from-data",
      source.dir,
      "--to-database",
      database.url,
      "--root-key-file",
      rootKeyFile,
    );
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain("copied 2 keys, 1 aliases and 4 audit events");
    await expectCopied({ kind: "postgres", url: database.url, rootKeyFile }, source);
  });
});
