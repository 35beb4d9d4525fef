import { randomBytes } from "node:crypto";
import { addDays } from "date-fns";
import { memoryKeyStore } from "../../src/adapters/memoryKeyStore.js";
import { type KeyArn, keyArn } from "../../src/domain/keyArn.js";
import type { KeyRecord } from "../../src/domain/keyRecord.js";
import { createKms } from "../../src/service/createKms.js";
import { encodeKeyRecord } from "../../src/sql/keyRecordCodec.js";
import { sampleKeyId } from "../../src/testing/_internals/sampleKeyRecord.js";
import { testCrypto } from "../../src/testing/testCrypto.js";
import { importMaterial } from "../support/importMaterial.js";
import type { KeysRow } from "./sqlBenchEngines.js";

/**
 * A realistic stored record: an EXTERNAL key whose material was imported (RSAES_OAEP_SHA_256,
 * RSA_2048) through `createKms` with `testCrypto()`, expiring in 300 days, so Enabled for the
 * whole run. About 600 bytes as JSON.
 */
export async function importedKeyRecord(): Promise<KeyRecord> {
  const store = memoryKeyStore();
  const kms = createKms({ store, crypto: testCrypto() });
  const { KeyId, Arn } = (await kms.createKey({ Origin: "EXTERNAL" }))._unsafeUnwrap().KeyMetadata;
  (
    await importMaterial(kms, KeyId, randomBytes(32), {
      expiration: { ExpirationModel: "KEY_MATERIAL_EXPIRES", ValidTo: addDays(new Date(), 300) },
    })
  )._unsafeUnwrap();
  const stored = (await store.get(Arn as KeyArn))._unsafeUnwrap();
  if (stored === undefined) throw new Error("the imported key is not in the store");
  return stored.record;
}

/** `template` as the record of key `n` (of the template's account and Region). */
export function keyRecordNumber(template: KeyRecord, n: number): KeyRecord {
  const keyId = sampleKeyId(n);
  return { ...template, keyId, arn: keyArn(template, keyId) };
}

/** The `kms_keys` row of `record` at version 1, as the store would write it. */
export function keysRow(record: KeyRecord): KeysRow {
  return {
    arn: record.arn,
    account_id: record.accountId,
    region: record.region,
    version: 1,
    deletion_date: null,
    record: encodeKeyRecord(record),
  };
}
