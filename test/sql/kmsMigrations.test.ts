import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { keyArn } from "../../src/domain/keyArn.js";
import type { KmsDatabase } from "../../src/sql/kmsDatabase.js";
import { kmsMigrations } from "../../src/sql/kmsMigrations.js";
import { schemaTableName } from "../../src/sql/migrateKmsDatabase.js";
import { openSqliteKeyStore } from "../../src/sql/openSqliteKeyStore.js";
import type { SqlEngine } from "../../src/sql/sqlEngine.js";
import { sampleAliasRecord } from "../../src/testing/_internals/sampleAliasRecord.js";
import { homeScope, sampleKeyRecord } from "../../src/testing/_internals/sampleKeyRecord.js";

const dir = mkdtempSync(join(tmpdir(), "kms-byok-migrations-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sqlite: SqlEngine = {
  name: "SQLite",
  location: "test",
  codePointText: "text",
  kindOf: () => "internal",
};

/** A SQLite file at schema 0001, as kms-byok wrote it before aliases, holding `keys`. */
async function databaseBeforeAliases(path: string, keys: readonly string[]): Promise<void> {
  const db = new Kysely<KmsDatabase>({
    dialect: new SqliteDialect({ database: new Database(path) }),
  });
  const { "0001_keys_events_meta": first } = kmsMigrations(sqlite);
  const migrator = new Migrator({
    db,
    provider: {
      getMigrations: async () => (first === undefined ? {} : { "0001_keys_events_meta": first }),
    },
    migrationTableName: schemaTableName,
    migrationLockTableName: "kms_schema_lock",
  });
  expect((await migrator.migrateToLatest()).error).toBeUndefined();
  await db
    .insertInto("kms_keys")
    .values(
      keys.map((record, n) => ({
        arn: keyArn(homeScope, sampleKeyRecord(n).keyId),
        account_id: homeScope.accountId,
        region: homeScope.region,
        version: 1,
        deletion_date: null,
        record,
      })),
    )
    .execute();
  await db.destroy();
}

describe("the schema migrations", () => {
  it("are applied in name order, 0001 first, and each adds to the one before", () => {
    expect(Object.keys(kmsMigrations(sqlite))).toEqual([
      "0001_keys_events_meta",
      "0002_aliases",
      "0003_scopes",
    ]);
  });

  it("bring a database written before aliases to schema 0003: its keys read as before, and aliases and behaviour profiles can be stored", async () => {
    const path = join(dir, "before-aliases.sqlite");
    const written = JSON.stringify({
      layout: 1,
      arn: sampleKeyRecord(0).arn,
      keyId: sampleKeyRecord(0).keyId,
      accountId: homeScope.accountId,
      region: homeScope.region,
      creationDate: "2026-03-01T12:00:00.123Z",
      description: "written by a kms-byok without aliases",
      origin: "EXTERNAL",
      parameterSets: [],
      keyState: "PendingImport",
    });
    await databaseBeforeAliases(path, [written]);

    const store = (await openSqliteKeyStore({ path }))._unsafeUnwrap();
    try {
      const stored = (await store.get(sampleKeyRecord(0).arn))._unsafeUnwrap();
      expect(stored?.record).toEqual({
        ...sampleKeyRecord(0, { description: "written by a kms-byok without aliases" }),
        parameterSets: [],
      });
      const alias = sampleAliasRecord(1, { target: 0 });
      expect(await store.putAlias(alias, 0)).toBeOk(1);
      expect(await store.getAlias(alias, alias.aliasName)).toBeOk({ alias, version: 1 });
      expect(await store.claimBehaviour(homeScope, "current")).toBeOk("current");
      expect(await store.claimBehaviour(homeScope, "classic")).toBeOk("current");
    } finally {
      await store.close();
    }
    const db = new Database(path, { readonly: true });
    const applied = db.prepare(`select name from ${schemaTableName} order by name`).all();
    db.close();
    expect(applied).toEqual([
      { name: "0001_keys_events_meta" },
      { name: "0002_aliases" },
      { name: "0003_scopes" },
    ]);
  });
});
