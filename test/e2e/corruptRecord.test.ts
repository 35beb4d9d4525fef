// A corrupt key row, in SQLite and in PostgreSQL: KMSInternalException for that key only, told to
// onInternalError, while the other keys are served. Each engine's rows are changed behind the
// store's back, through a connection of their own, as another process (or a person with sqlite3
// or psql) would.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EncryptCommand,
  type KMSClient,
  ListKeysCommand,
} from "@aws-sdk/client-kms";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KmsError } from "../../src/domain/kmsError.js";
import { openPostgresKeyStore, openSqliteKeyStore, type SqlKeyStore } from "../../src/sql/index.js";
import { testCrypto } from "../../src/testing/testCrypto.js";
import { keyWithMaterial } from "../support/importMaterial.js";
import { type KmsEndpoint, sdkClient, startKmsEndpoint } from "../support/kmsEndpoint.js";
import { freshDatabase } from "../support/postgres/freshDatabase.js";
import { describeWithPostgres } from "../support/postgres/postgresUrl.js";
import { sdkKms } from "../support/sdkKms.js";
import { failureOf } from "./support/sdkImports.js";

/** A row of `kms_keys` as stored: its ARN and its record's text. */
interface Row {
  readonly arn: string;
  readonly record: string;
}

/** What an engine's column for the record can be made to hold. */
type StoredRecord = string | Buffer;

/** A store of an engine's own, and a second connection to its tables. */
interface OpenedEngine {
  readonly store: SqlKeyStore;
  /** Empties `kms_keys` and `kms_events`. */
  clear(): Promise<void>;
  /** Every row of `kms_keys`, in the store's ARN order (byte order). */
  rows(): Promise<Row[]>;
  /** Overwrites the record of the row of `arn`. */
  setRecord(arn: string, record: StoredRecord): Promise<void>;
  /** The records of the rows of `arn`, as `{ record }` each. */
  recordsOf(arn: string): Promise<unknown[]>;
  /** Closes the store and the connection, and removes what was created for them. */
  close(): Promise<void>;
}

/** A corruption: a name, and the record put in place of the middle key's, given the first key's row. */
type Corruption = readonly [what: string, corruption: (other: Row) => StoredRecord];

/** The corruptions every engine can hold. */
const corruptions: readonly Corruption[] = [
  ["a record that misses its members", () => '{"layout":1,"keyState":"Enabled"}'],
  ["a record that is not JSON", () => '{"layout":1,'],
  ["a record of another layout", () => '{"layout":2}'],
  ["the record of another key", (other) => other.record],
];

/** A SQLite file in a new directory, opened a second time with better-sqlite3. */
async function openSqlite(): Promise<OpenedEngine> {
  const dir = mkdtempSync(join(tmpdir(), "kms-byok-corrupt-record-"));
  const path = join(dir, "kms.sqlite");
  const store = (await openSqliteKeyStore({ path }))._unsafeUnwrap();
  const db = new Database(path);
  return {
    store,
    clear: async () => {
      db.exec("delete from kms_keys; delete from kms_events");
    },
    rows: async () => db.prepare("select arn, record from kms_keys order by arn").all() as Row[],
    setRecord: async (arn, record) => {
      db.prepare("update kms_keys set record = ? where arn = ?").run(record, arn);
    },
    recordsOf: async (arn) => db.prepare("select record from kms_keys where arn = ?").all(arn),
    close: async () => {
      await store.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A new database on the server of `serverUrl`, with a pg client of its own. */
async function openPostgres(serverUrl: string): Promise<OpenedEngine> {
  const database = await freshDatabase(serverUrl);
  const store = (await openPostgresKeyStore({ url: database.url }))._unsafeUnwrap();
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  return {
    store,
    clear: async () => {
      await db.query("truncate kms_keys, kms_events");
    },
    rows: async () =>
      (await db.query<Row>('select arn, record from kms_keys order by arn collate "C"')).rows,
    setRecord: async (arn, record) => {
      await db.query("update kms_keys set record = $1 where arn = $2", [record, arn]);
    },
    recordsOf: async (arn) =>
      (await db.query("select record from kms_keys where arn = $1", [arn])).rows,
    close: async () => {
      await store.close();
      await db.end();
      await database.drop();
    },
  };
}

describe("a corrupt key row in SQLite", () => {
  corruptRowTests(openSqlite, [
    ...corruptions,
    // SQLite keeps a blob where the record's text goes too.
    ["a blob instead of a record", () => Buffer.from([0x00, 0xff, 0x7b])],
  ]);
});

describeWithPostgres("a corrupt key row in PostgreSQL", (serverUrl) => {
  corruptRowTests(() => openPostgres(serverUrl), corruptions);
});

/** One test per corruption, against an endpoint on the store `open` gives. */
function corruptRowTests(open: () => Promise<OpenedEngine>, cases: readonly Corruption[]): void {
  let engine: OpenedEngine | undefined;
  let endpoint: KmsEndpoint | undefined;
  let client: KMSClient | undefined;
  const told: { error: unknown; requestId: string }[] = [];

  beforeAll(async () => {
    engine = await open();
    endpoint = await startKmsEndpoint({
      store: engine.store,
      crypto: testCrypto(),
      onInternalError: (error, requestId) => told.push({ error, requestId }),
    });
    client = sdkClient(endpoint.url);
  });

  afterAll(async () => {
    client?.destroy();
    await endpoint?.close();
    await engine?.close();
  });

  const ready = () => {
    if (client === undefined || engine === undefined) throw new Error("not started");
    return { client, engine };
  };

  /** Three keys with material, in ARN order, alone in the store; the caller corrupts the middle one. */
  async function threeKeys() {
    const { client, engine } = ready();
    await engine.clear();
    told.length = 0;
    const ids = await Promise.all([0, 1, 2].map(() => keyWithMaterial(sdkKms(client))));
    const byArn = (await engine.rows()).map(({ arn, record }) => ({
      arn,
      record,
      KeyId: ids.find((id) => arn.endsWith(`key/${id}`)) ?? "",
    }));
    return byArn as [(typeof byArn)[0], (typeof byArn)[0], (typeof byArn)[0]];
  }

  for (const [what, corruption] of cases) {
    it(`answers KMSInternalException (HTTP 500) naming the key for ${what}, tells onInternalError with the request ID, and serves the other keys`, async () => {
      const { client, engine } = ready();
      const [first, corrupt, last] = await threeKeys();
      const corruptValue = corruption(first);
      const { CiphertextBlob } = await client.send(
        new EncryptCommand({ KeyId: corrupt.KeyId, Plaintext: randomBytes(8) }),
      );
      await engine.setRecord(corrupt.arn, corruptValue);

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
      expect(await engine.recordsOf(corrupt.arn)).toEqual([{ record: corruptValue }]);

      for (const { KeyId } of [first, last]) {
        const described = await client.send(new DescribeKeyCommand({ KeyId }));
        expect(described.KeyMetadata?.KeyState).toBe("Enabled");
        const Plaintext = randomBytes(16);
        const encrypted = await client.send(new EncryptCommand({ KeyId, Plaintext }));
        const decrypted = await client.send(
          new DecryptCommand({ CiphertextBlob: encrypted.CiphertextBlob }),
        );
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
      await engine.setRecord(corrupt.arn, corrupt.record);
      const repaired = await client.send(new DescribeKeyCommand({ KeyId: corrupt.KeyId }));
      expect(repaired.KeyMetadata?.KeyState).toBe("Enabled");
      const decrypted = await client.send(new DecryptCommand({ CiphertextBlob }));
      expect(decrypted.KeyId).toBe(corrupt.arn);
      const listed = await client.send(new ListKeysCommand({}));
      expect(listed.Keys?.map((key) => key.KeyId)).toEqual(
        expect.arrayContaining([first.KeyId, corrupt.KeyId, last.KeyId]),
      );
    });
  }
}
