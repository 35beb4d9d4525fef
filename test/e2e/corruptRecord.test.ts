// A corrupt key row in SQLite: KMSInternalException for that key only, told to onInternalError,
// while the other keys are served. The PostgreSQL twin is in postgresFaults.test.ts.
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
  KMSServiceException,
  ListKeysCommand,
} from "@aws-sdk/client-kms";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wrapKeyMaterial } from "../../src/client/wrapKeyMaterial.js";
import type { KmsError } from "../../src/domain/kmsError.js";
import { openSqliteKeyStore, type SqlKeyStore } from "../../src/sql/index.js";
import { testCrypto } from "../../src/testing/testCrypto.js";
import { type KmsEndpoint, sdkClient, startKmsEndpoint } from "../support/kmsEndpoint.js";
import { sdkKms } from "../support/sdkKms.js";

/** What the SDK threw: its name, its HTTP status, its request ID and its message. */
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

describe("a corrupt key row in SQLite", () => {
  const dir = mkdtempSync(join(tmpdir(), "kms-byok-corrupt-record-"));
  const path = join(dir, "kms.sqlite");
  let store: SqlKeyStore | undefined;
  let endpoint: KmsEndpoint | undefined;
  let client: KMSClient | undefined;
  // The file opened a second time, as another process (or a person with sqlite3) would.
  let db: Database.Database | undefined;
  const told: { error: unknown; requestId: string }[] = [];

  beforeAll(async () => {
    store = (await openSqliteKeyStore({ path }))._unsafeUnwrap();
    endpoint = await startKmsEndpoint({
      store,
      crypto: testCrypto(),
      onInternalError: (error, requestId) => told.push({ error, requestId }),
    });
    client = sdkClient(endpoint.url);
    db = new Database(path);
  });

  afterAll(async () => {
    client?.destroy();
    await endpoint?.close();
    await store?.close();
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ready = () => {
    if (client === undefined || db === undefined) throw new Error("not started");
    return { client, db };
  };

  /** Three keys with material, in ARN order, alone in the store; the caller corrupts the middle one. */
  async function threeKeys() {
    const { client, db } = ready();
    db.exec("delete from kms_keys; delete from kms_events");
    told.length = 0;
    const ids = await Promise.all([0, 1, 2].map(() => keyWithMaterial(client)));
    const rows = db.prepare("select arn, record from kms_keys order by arn").all() as {
      arn: string;
      record: string;
    }[];
    const byArn = rows.map(({ arn, record }) => ({
      arn,
      record,
      KeyId: ids.find((id) => arn.endsWith(`key/${id}`)) ?? "",
    }));
    return byArn as [(typeof byArn)[0], (typeof byArn)[0], (typeof byArn)[0]];
  }

  // SQLite keeps a blob where the record's text goes too.
  for (const [what, corruption] of [
    ["a record that misses its members", () => '{"layout":1,"keyState":"Enabled"}'],
    ["a record that is not JSON", () => '{"layout":1,'],
    ["a record of another layout", () => '{"layout":2}'],
    ["the record of another key", (other: { record: string }) => other.record],
    ["a blob instead of a record", () => Buffer.from([0x00, 0xff, 0x7b])],
  ] as const) {
    it(`answers KMSInternalException (HTTP 500) naming the key for ${what}, tells onInternalError with the request ID, and serves the other keys`, async () => {
      const { client, db } = ready();
      const [first, corrupt, last] = await threeKeys();
      const corruptValue = corruption(first);
      const { CiphertextBlob } = await client.send(
        new EncryptCommand({ KeyId: corrupt.KeyId, Plaintext: randomBytes(8) }),
      );
      db.prepare("update kms_keys set record = ? where arn = ?").run(corruptValue, corrupt.arn);

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
      const kept = db.prepare("select record from kms_keys where arn = ?").get(corrupt.arn);
      expect(kept).toEqual({ record: corruptValue });

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
      db.prepare("update kms_keys set record = ? where arn = ?").run(corrupt.record, corrupt.arn);
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
});
