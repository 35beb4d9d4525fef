import {
  constants,
  createPublicKey,
  type KeyObject,
  publicEncrypt,
  randomBytes,
} from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aesGcmSealer } from "../../src/adapters/aesGcmSealer.js";
import { aesKeyWrapPad } from "../../src/adapters/aesKeyWrapPad.js";
import { rsaCryptoProvider } from "../../src/adapters/rsaCryptoProvider.js";
import {
  generateWrappingKey,
  type WrappingKeySource,
} from "../../src/adapters/wrappingKeySource.js";
import { wrapKeyMaterial } from "../../src/client/wrapKeyMaterial.js";
import { daysAfter } from "../../src/domain/daysAfter.js";
import type { KeyArn } from "../../src/domain/keyArn.js";
import type { KeyRecord } from "../../src/domain/keyRecord.js";
import type { SupportedWrappingAlgorithm } from "../../src/domain/wrappingTable.js";
import type { KeyStore } from "../../src/ports/keyStore.js";
import { openSqliteKeyStore } from "../../src/sql/openSqliteKeyStore.js";
import { expectError, kmsHarness } from "../support/kmsHarness.js";

// docs/decisions/0011-nothing-secret-reaches-the-store.md: the store never sees plaintext key material or wrapping private keys. A whole lifecycle
// runs on the production composition (rsaCryptoProvider over generateWrappingKey, AES-256-GCM
// sealing under a known root key, the SQLite key store); every record written to the store and
// every audit event is serialized as it happens and searched for every secret the test knows, in
// every encoding, and so is every row of the database and every byte of its files.

// ---------------------------------------------------------------------------------------------
// Serializing what was written, and searching it

/** What one write (or audit event) looked like: its byte arrays, and its JSON in three blob encodings. */
interface Serialized {
  readonly label: string;
  readonly raw: Buffer;
  readonly texts: readonly Buffer[];
  /** The whole ArrayBuffers behind its byte arrays, as they were at the time of the write. */
  readonly memory: Buffer;
}

const blobEncodings = ["hex", "base64", "base64url"] as const;

/** The bytes of a view, without copying them. */
const bytesOf = (blob: Uint8Array): Buffer =>
  Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);

/**
 * A copy in memory of its own. `Buffer.from(uint8Array)` would copy into Node's shared 8 KiB
 * pool, next to blobs the service allocates later, and plant the secret behind them itself.
 */
function unpooledCopy(bytes: Uint8Array): Buffer {
  const copy = Buffer.alloc(bytes.byteLength);
  copy.set(bytes);
  return copy;
}

/** Every whole ArrayBuffer behind the byte arrays inside `value` (a view may share one with other data). */
function memoryBehind(value: unknown): Buffer[] {
  if (value instanceof Uint8Array) return [unpooledCopy(new Uint8Array(value.buffer))];
  if (value === null || typeof value !== "object") return [];
  return Object.values(value).flatMap(memoryBehind);
}

/** Every byte array anywhere inside `value`. */
function blobsIn(value: unknown): Buffer[] {
  if (value instanceof Uint8Array) return [bytesOf(value)];
  if (value === null || typeof value !== "object") return [];
  return Object.values(value).flatMap(blobsIn);
}

/**
 * JSON with every byte array in `encoding`. The replacer looks at the holder's own member,
 * because `JSON.stringify` has already turned a `Buffer` into `{ type, data }` by `toJSON`.
 */
function jsonWithBlobsAs(value: unknown, encoding: (typeof blobEncodings)[number]): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, member: unknown) {
    const original = this[key];
    return original instanceof Uint8Array ? bytesOf(original).toString(encoding) : member;
  });
}

function serialize(label: string, value: unknown): Serialized {
  return {
    label,
    raw: Buffer.concat(blobsIn(value)),
    memory: Buffer.concat(memoryBehind(value)),
    texts: blobEncodings.map((encoding) => Buffer.from(jsonWithBlobsAs(value, encoding), "utf8")),
  };
}

/**
 * The base64 characters that encode `secret` wherever it sits in a larger blob: for each of the
 * three alignments, the characters whose six bits all come from the secret.
 */
function base64Fragments(secret: Buffer, encoding: "base64" | "base64url"): string[] {
  return [0, 1, 2].map((shift) => {
    const text = Buffer.concat([Buffer.alloc(shift), secret]).toString(encoding);
    return text.slice(Math.ceil((8 * shift) / 6), Math.floor((8 * (shift + secret.length)) / 6));
  });
}

/** A secret as the needles to look for: its bytes, hex in both cases, base64 and base64url at every alignment. */
function needles(secret: Buffer | string): [string, Buffer][] {
  if (typeof secret === "string") return [["text", Buffer.from(secret, "utf8")]];
  return [
    ["raw bytes", secret],
    ["lowercase hex", Buffer.from(secret.toString("hex"))],
    ["uppercase hex", Buffer.from(secret.toString("hex").toUpperCase())],
    ...base64Fragments(secret, "base64").map((text, shift): [string, Buffer] => [
      `base64 (shift ${shift})`,
      Buffer.from(text),
    ]),
    ...base64Fragments(secret, "base64url").map((text, shift): [string, Buffer] => [
      `base64url (shift ${shift})`,
      Buffer.from(text),
    ]),
  ];
}

/** Where the raw bytes of any of `secrets` lie in the memory behind the byte arrays of `written`. */
function findSecretsInMemory(
  secrets: ReadonlyMap<string, Buffer | string>,
  written: readonly Serialized[],
): string[] {
  const found: string[] = [];
  for (const [name, secret] of secrets) {
    if (typeof secret === "string") continue;
    for (const item of written) {
      if (item.memory.includes(secret)) found.push(`${name} behind ${item.label}`);
    }
  }
  return found;
}

/** Where any of `secrets` appears in any of `written`, as "<secret> as <encoding> in <write>". */
function findSecrets(
  secrets: ReadonlyMap<string, Buffer | string>,
  written: readonly Serialized[],
): string[] {
  const found: string[] = [];
  for (const [name, secret] of secrets) {
    for (const [encoding, needle] of needles(secret)) {
      for (const item of written) {
        if ([item.raw, ...item.texts].some((haystack) => haystack.includes(needle))) {
          found.push(`${name} as ${encoding} in ${item.label}`);
        }
      }
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// The database

const databaseDir = mkdtempSync(join(tmpdir(), "kms-byok-secrets-"));
afterAll(() => rmSync(databaseDir, { recursive: true, force: true }));

/** Every row of every table, as text, and every file of the database (main file, WAL, index). */
function databaseContents(): Serialized[] {
  const db = new Database(join(databaseDir, "kms.sqlite"), { readonly: true });
  const tables = db.prepare("select name from sqlite_master where type = 'table'").all() as {
    name: string;
  }[];
  const rows = tables.flatMap(({ name }) =>
    db
      .prepare(`select * from "${name}"`)
      .all()
      .map((row, index) => text(`row #${index} of ${name}`, JSON.stringify(row))),
  );
  db.close();
  const files = readdirSync(databaseDir).map((file) => {
    const bytes = readFileSync(join(databaseDir, file));
    return { label: `the file ${file}`, raw: bytes, texts: [bytes], memory: Buffer.alloc(0) };
  });
  return [...rows, ...files];
}

function text(label: string, value: string): Serialized {
  const bytes = Buffer.from(value, "utf8");
  return { label, raw: bytes, texts: [bytes], memory: Buffer.alloc(0) };
}

// ---------------------------------------------------------------------------------------------
// The lifecycle

/** The purpose rsaCryptoProvider seals key material for; should it change, opening fails loudly. */
const materialPurpose = "kms-byok/key-material/v1";

/** A private key in every form it could leak in: PKCS#8 and PKCS#1 DER, PEM lines, JWK integers. */
function privateKeyForms(name: string, key: KeyObject): [string, Buffer | string][] {
  const pemLines = (type: "pkcs8" | "pkcs1") =>
    (key.export({ type, format: "pem" }) as string)
      .split("\n")
      .filter((line) => line !== "" && !line.startsWith("-----"))
      .map((line, index): [string, string] => [`${name} ${type} PEM line ${index}`, line]);
  const jwk = key.export({ format: "jwk" });
  return [
    [`${name} PKCS#8 DER`, key.export({ type: "pkcs8", format: "der" })],
    [`${name} PKCS#1 DER`, key.export({ type: "pkcs1", format: "der" })],
    ...pemLines("pkcs8"),
    ...pemLines("pkcs1"),
    ...(["d", "p", "q", "dp", "dq", "qi"] as const).map((member): [string, Buffer] => [
      `${name} JWK ${member}`,
      Buffer.from(jwk[member] ?? "", "base64url"),
    ]),
  ];
}

/** RSA_AES_KEY_WRAP_* by hand, so the test knows the AES key: OAEP(aesKey) ‖ KWP(aesKey, material). */
function rsaAesWrap(
  publicKey: Uint8Array,
  hash: "sha1" | "sha256",
  aesKey: Buffer,
  keyMaterial: Buffer,
): Buffer {
  const key = createPublicKey({ key: Buffer.from(publicKey), format: "der", type: "spki" });
  const head = publicEncrypt(
    { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: hash },
    aesKey,
  );
  return Buffer.concat([head, aesKeyWrapPad(aesKey, keyMaterial)]);
}

/**
 * Moves Node's Buffer pool on to a fresh 8 KiB slab, so that what the provider allocates next (its
 * copy of the root key, the first sealed blobs) shares one slab on every run, not by chance.
 */
function startFreshBufferPoolSlab(): void {
  const first = Buffer.allocUnsafe(8);
  let next = Buffer.allocUnsafe(8);
  while (next.buffer === first.buffer) next = Buffer.allocUnsafe(8);
}

/** Runs the lifecycle once and returns what was written, what was audited and what is secret. */
async function runLifecycle() {
  const rootKey = randomBytes(32);
  startFreshBufferPoolSlab();
  const privateKeys: KeyObject[] = [];
  const wrappingKeys: WrappingKeySource = async (spec) => {
    const pair = await generateWrappingKey(spec);
    privateKeys.push(pair.privateKey);
    return pair;
  };

  const writes: Serialized[] = [];
  const records: KeyRecord[] = [];
  const inner = (
    await openSqliteKeyStore({ path: join(databaseDir, "kms.sqlite") })
  )._unsafeUnwrap();
  const store: KeyStore = {
    get: (arn) => inner.get(arn),
    list: (scope, page) => inner.list(scope, page),
    removeDeletedKeys: (now) => inner.removeDeletedKeys(now),
    getAlias: (scope, aliasName) => inner.getAlias(scope, aliasName),
    putAlias: (alias, expectedVersion) => inner.putAlias(alias, expectedVersion),
    deleteAlias: (scope, aliasName, expectedVersion) =>
      inner.deleteAlias(scope, aliasName, expectedVersion),
    listAliases: (scope, page, now) => inner.listAliases(scope, page, now),
    claimBehaviour: (scope, proposed) => inner.claimBehaviour(scope, proposed),
    put: (record, expectedVersion, events) => {
      writes.push(serialize(`write #${writes.length} (${record.keyState})`, record));
      records.push(structuredClone(record));
      return inner.put(record, expectedVersion, events);
    },
  };
  const h = kmsHarness({ store, crypto: rsaCryptoProvider({ rootKey, wrappingKeys }) });
  const { kms, clock } = h;
  const secrets = new Map<string, Buffer | string>([["the root key", rootKey]]);
  const remember = (name: string, secret: Uint8Array) => {
    secrets.set(name, unpooledCopy(secret));
  };
  const storedRecord = async (KeyId: string) => {
    const arn = `arn:aws:kms:us-east-1:111122223333:key/${KeyId}` as KeyArn;
    const row = (await inner.get(arn))._unsafeUnwrap();
    if (row === undefined) throw new Error(`no stored record for ${KeyId}`);
    return row.record;
  };
  /** Encrypt, then Decrypt, a fresh plaintext; returns the ciphertext. */
  const roundTrip = async (KeyId: string, name: string) => {
    const Plaintext = randomBytes(100);
    remember(name, Plaintext);
    const { CiphertextBlob } = (
      await kms.encrypt({ KeyId, Plaintext, EncryptionContext: { purpose: name } })
    )._unsafeUnwrap();
    const decrypted = (
      await kms.decrypt({ CiphertextBlob, EncryptionContext: { purpose: name } })
    )._unsafeUnwrap();
    expect(bytesOf(decrypted.Plaintext).equals(Plaintext)).toBe(true);
    return CiphertextBlob;
  };
  const dataKeys = async (KeyId: string, name: string) => {
    const aes256 = (await kms.generateDataKey({ KeyId, KeySpec: "AES_256" }))._unsafeUnwrap();
    const aes128 = (await kms.generateDataKey({ KeyId, KeySpec: "AES_128" }))._unsafeUnwrap();
    const hidden = (
      await kms.generateDataKeyWithoutPlaintext({ KeyId, NumberOfBytes: 64 })
    )._unsafeUnwrap();
    const opened = (await kms.decrypt({ CiphertextBlob: hidden.CiphertextBlob }))._unsafeUnwrap();
    remember(`${name} AES_256 data key`, aes256.Plaintext);
    remember(`${name} AES_128 data key`, aes128.Plaintext);
    remember(`${name} data key without plaintext`, opened.Plaintext);
  };

  // An EXTERNAL key and one parameter set per wrapping algorithm.
  const KeyId = await h.externalKey();
  const algorithms: readonly SupportedWrappingAlgorithm[] = [
    "RSAES_OAEP_SHA_1",
    "RSAES_OAEP_SHA_256",
    "RSA_AES_KEY_WRAP_SHA_1",
    "RSA_AES_KEY_WRAP_SHA_256",
  ];
  const sets = [];
  for (const WrappingAlgorithm of algorithms) {
    const params = (
      await kms.getParametersForImport({ KeyId, WrappingAlgorithm, WrappingKeySpec: "RSA_2048" })
    )._unsafeUnwrap();
    sets.push(params);
  }
  const [oaep1, oaep256, rsaAes1, rsaAes256] = sets;
  if (
    oaep1 === undefined ||
    oaep256 === undefined ||
    rsaAes1 === undefined ||
    rsaAes256 === undefined
  )
    throw new Error("missing parameter sets");
  const keyMaterial = randomBytes(32);
  remember("the imported key material", keyMaterial);
  const wrap = (publicKey: Uint8Array, wrappingAlgorithm: SupportedWrappingAlgorithm) =>
    wrapKeyMaterial({ publicKey, wrappingAlgorithm, keyMaterial })._unsafeUnwrap();

  // A failed import first: material wrapped with another parameter set's public key.
  expectError(
    await kms.importKeyMaterial({
      KeyId,
      ImportToken: oaep1.ImportToken,
      EncryptedKeyMaterial: wrap(oaep256.PublicKey, "RSAES_OAEP_SHA_1"),
      ValidTo: daysAfter(clock.now(), 1),
    }),
    "InvalidCiphertextException",
  );
  const imported = (
    await kms.importKeyMaterial({
      KeyId,
      ImportToken: oaep1.ImportToken,
      EncryptedKeyMaterial: wrap(oaep1.PublicKey, "RSAES_OAEP_SHA_1"),
      ValidTo: new Date(clock.now().getTime() + 60 * 60 * 1000),
    })
  )._unsafeUnwrap();
  const earlyCiphertext = await roundTrip(KeyId, "the first Encrypt plaintext");
  await dataKeys(KeyId, "the EXTERNAL key's");
  (await kms.disableKey({ KeyId }))._unsafeUnwrap();
  (await kms.enableKey({ KeyId }))._unsafeUnwrap();
  // Reimport of the same material while Enabled (docs/decisions/0005-reimport-keeps-the-key-state.md), with a later ValidTo.
  (
    await kms.importKeyMaterial({
      KeyId,
      ImportToken: oaep256.ImportToken,
      EncryptedKeyMaterial: wrap(oaep256.PublicKey, "RSAES_OAEP_SHA_256"),
      ValidTo: new Date(clock.now().getTime() + 2 * 60 * 60 * 1000),
    })
  )._unsafeUnwrap();
  // Different material, wrapped by hand for RSA_AES_KEY_WRAP_SHA_1 (docs/decisions/0004-material-bound-forever.md).
  const otherMaterial = randomBytes(32);
  const refusedAesKey = randomBytes(32);
  remember("the refused other key material", otherMaterial);
  remember("the AES key that wrapped the refused material", refusedAesKey);
  expectError(
    await kms.importKeyMaterial({
      KeyId,
      ImportToken: rsaAes1.ImportToken,
      EncryptedKeyMaterial: rsaAesWrap(rsaAes1.PublicKey, "sha1", refusedAesKey, otherMaterial),
      ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE",
    }),
    "IncorrectKeyMaterialException",
  );

  // Expiry, observed (and persisted) by DescribeKey.
  clock.advance({ hours: 3 });
  expect(await h.stateOf(KeyId)).toBe("PendingImport");
  const afterExpiry = await storedRecord(KeyId);

  // Reimport after expiry, with a hand-made RSA_AES_KEY_WRAP_SHA_1 wrap.
  const aesKey1 = randomBytes(32);
  remember("the AES key of the RSA_AES_KEY_WRAP_SHA_1 reimport", aesKey1);
  (
    await kms.importKeyMaterial({
      KeyId,
      ImportToken: rsaAes1.ImportToken,
      EncryptedKeyMaterial: rsaAesWrap(rsaAes1.PublicKey, "sha1", aesKey1, keyMaterial),
      ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE",
    })
  )._unsafeUnwrap();
  await roundTrip(KeyId, "the second Encrypt plaintext");
  (
    await kms.decrypt({
      CiphertextBlob: earlyCiphertext,
      EncryptionContext: { purpose: "the first Encrypt plaintext" },
    })
  )._unsafeUnwrap();

  (await kms.deleteImportedKeyMaterial({ KeyId }))._unsafeUnwrap();
  const afterDeletion = await storedRecord(KeyId);

  // Reimport after deletion, with a hand-made RSA_AES_KEY_WRAP_SHA_256 wrap; then deletion.
  const aesKey256 = randomBytes(32);
  remember("the AES key of the RSA_AES_KEY_WRAP_SHA_256 reimport", aesKey256);
  (
    await kms.importKeyMaterial({
      KeyId,
      ImportToken: rsaAes256.ImportToken,
      EncryptedKeyMaterial: rsaAesWrap(rsaAes256.PublicKey, "sha256", aesKey256, keyMaterial),
      ValidTo: daysAfter(clock.now(), 30),
    })
  )._unsafeUnwrap();
  await roundTrip(KeyId, "the third Encrypt plaintext");
  (await kms.scheduleKeyDeletion({ KeyId, PendingWindowInDays: 7 }))._unsafeUnwrap();

  // An AWS_KMS key: generated material, data plane, state changes, deletion.
  const awsKeyId = (await kms.createKey({}))._unsafeUnwrap().KeyMetadata.KeyId;
  await roundTrip(awsKeyId, "the AWS_KMS key's Encrypt plaintext");
  await dataKeys(awsKeyId, "the AWS_KMS key's");
  (await kms.disableKey({ KeyId: awsKeyId }))._unsafeUnwrap();
  (await kms.enableKey({ KeyId: awsKeyId }))._unsafeUnwrap();
  const awsRecord = await storedRecord(awsKeyId);
  if (awsRecord.keyState !== "Enabled") throw new Error("the AWS_KMS key is not Enabled");
  const sealer = aesGcmSealer(rootKey);
  const generated = sealer.open(awsRecord.material.sealed, materialPurpose)._unsafeUnwrap();
  remember("the AWS_KMS key's generated material", generated);
  generated.fill(0);
  (await kms.scheduleKeyDeletion({ KeyId: awsKeyId, PendingWindowInDays: 7 }))._unsafeUnwrap();

  clock.advance({ days: 8 });
  expectError(await kms.describeKey({ KeyId }), "NotFoundException");
  expectError(await kms.describeKey({ KeyId: awsKeyId }), "NotFoundException");

  for (const [index, key] of privateKeys.entries()) {
    for (const [name, form] of privateKeyForms(`wrapping private key #${index}`, key))
      secrets.set(name, form);
  }
  const audit = h.audit.map((event, index) =>
    serialize(`audit event #${index} (${event.eventName})`, event),
  );
  const database = databaseContents();
  await inner.close();
  return {
    KeyId,
    KeyMaterialId: imported.KeyMaterialId,
    keyMaterial,
    privateKeys,
    records,
    writes,
    audit,
    database,
    secrets,
    sealer,
    afterExpiry,
    afterDeletion,
  };
}

// ---------------------------------------------------------------------------------------------

let lifecycle: Awaited<ReturnType<typeof runLifecycle>>;
beforeAll(async () => {
  lifecycle = await runLifecycle();
});

describe("the key store under the production crypto provider", () => {
  it("receives writes of every kind over the lifecycle, so the search below has something to search", () => {
    expect(lifecycle.privateKeys).toHaveLength(4);
    expect(lifecycle.writes.length).toBeGreaterThanOrEqual(15);
    const states = new Set(lifecycle.records.map((record) => record.keyState));
    expect([...states].sort()).toEqual(["Disabled", "Enabled", "PendingDeletion", "PendingImport"]);
    expect(lifecycle.records.some((record) => record.parameterSets.length === 4)).toBe(true);
  });

  it("holds the imported material sealed under the root key, which opens to the material", () => {
    const sealed = lifecycle.records.flatMap((record) =>
      record.keyId === lifecycle.KeyId && "material" in record && record.material !== undefined
        ? [record.material.sealed]
        : [],
    );
    expect(sealed.length).toBeGreaterThan(0);
    for (const blob of sealed) {
      const opened = lifecycle.sealer.open(blob, materialPurpose)._unsafeUnwrap();
      expect(opened.equals(lifecycle.keyMaterial)).toBe(true);
    }
  });

  it("never receives key material, a wrapping private key, the root key, a data key or an Encrypt plaintext, in any encoding", () => {
    expect(lifecycle.secrets.size).toBeGreaterThan(4 * 20);
    expect(findSecrets(lifecycle.secrets, lifecycle.writes)).toEqual([]);
  });

  it("keeps no material member but the boundMaterialId after expiry", () => {
    expect(lifecycle.afterExpiry.keyState).toBe("PendingImport");
    expect(lifecycle.afterExpiry).not.toHaveProperty("material");
    expect(lifecycle.afterExpiry.boundMaterialId).toBe(lifecycle.KeyMaterialId);
  });

  it("keeps no material member but the boundMaterialId after DeleteImportedKeyMaterial", () => {
    expect(lifecycle.afterDeletion.keyState).toBe("PendingImport");
    expect(lifecycle.afterDeletion).not.toHaveProperty("material");
    expect(lifecycle.afterDeletion.boundMaterialId).toBe(lifecycle.KeyMaterialId);
  });
});

describe("the SQLite database the key store wrote", () => {
  it("holds no secret in any row of any table, nor anywhere in its files", () => {
    expect(
      lifecycle.database.filter(({ label }) => label.startsWith("row")).length,
    ).toBeGreaterThan(lifecycle.audit.length);
    expect(findSecrets(lifecycle.secrets, lifecycle.database)).toEqual([]);
  });
});

describe("the memory behind the byte arrays written to the key store", () => {
  // A view's `.buffer` is part of what a store is handed: a store that persists it, or clones it
  // whole as memoryKeyStore's structuredClone does, keeps everything in it. Blobs cut from Node's
  // shared 8 KiB Buffer pool (Buffer.concat, Buffer.from of small arrays) share it with whatever
  // else was allocated there: at cb26b68 that was aesGcmSealer's copy of the root key and the
  // plaintext of earlier Decrypt responses. Every blob written must own its memory.
  it("holds no secret either, not even outside the views", () => {
    expect(findSecretsInMemory(lifecycle.secrets, lifecycle.writes)).toEqual([]);
  });
});

describe("the audit trail under the production crypto provider", () => {
  it("never receives key material, a wrapping private key, the root key, a data key or an Encrypt plaintext, in any encoding", () => {
    expect(lifecycle.audit.length).toBeGreaterThanOrEqual(10);
    expect(findSecrets(lifecycle.secrets, lifecycle.audit)).toEqual([]);
  });
});

describe("the secret search", () => {
  const secret = randomBytes(32);
  const secrets = new Map([["the planted secret", secret]]);
  const record = (blob: Uint8Array, text = "") => ({ arn: "arn", nested: [{ blob, text }] });

  it("finds nothing in a record without the secret", () => {
    expect(findSecrets(secrets, [serialize("clean", record(randomBytes(64), "x"))])).toEqual([]);
  });

  it.each([0, 1, 2, 3])(
    "finds the secret planted %i bytes into a byte array, as raw bytes and in every encoding",
    (offset) => {
      const blob = Buffer.concat([randomBytes(offset), secret, randomBytes(5)]);
      const found = findSecrets(secrets, [serialize("planted", record(new Uint8Array(blob)))]);
      expect(found).toContain("the planted secret as raw bytes in planted");
      expect(found).toContain("the planted secret as lowercase hex in planted");
      expect(found).toContain(`the planted secret as base64 (shift ${offset % 3}) in planted`);
      expect(found).toContain(`the planted secret as base64url (shift ${offset % 3}) in planted`);
    },
  );

  it("finds the secret in the memory behind a view that does not show it, and only there", () => {
    const slab = Buffer.concat([randomBytes(16), secret, randomBytes(16)]);
    const view = new Uint8Array(slab.buffer, slab.byteOffset, 16);
    const written = [serialize("view", record(view))];
    expect(findSecrets(secrets, written)).toEqual([]);
    expect(findSecretsInMemory(secrets, written)).toEqual(["the planted secret behind view"]);
    const own = [serialize("own", record(unpooledCopy(view)))];
    expect(findSecretsInMemory(secrets, own)).toEqual([]);
  });

  it("finds the secret in a Buffer member, which JSON.stringify would otherwise turn into { type, data }", () => {
    const found = findSecrets(secrets, [serialize("buffer", record(Buffer.from(secret)))]);
    expect(found).toContain("the planted secret as base64 (shift 0) in buffer");
  });

  it.each([
    ["uppercase hex", secret.toString("hex").toUpperCase()],
    ["base64", secret.toString("base64")],
    ["base64url", `xy${secret.toString("base64url")}`],
  ])("finds the secret written as %s text in a string member", (encoding, text) => {
    const found = findSecrets(secrets, [serialize("text", record(new Uint8Array(0), text))]);
    expect(found.some((where) => where.startsWith(`the planted secret as ${encoding}`))).toBe(true);
  });

  it("finds a PEM line of a private key written as text", async () => {
    const { privateKey } = await generateWrappingKey("RSA_2048");
    const forms = new Map(privateKeyForms("the planted key", privateKey));
    const pem = privateKey.export({ type: "pkcs1", format: "pem" }) as string;
    expect(findSecrets(forms, [serialize("pem", record(new Uint8Array(0), pem))])).toContain(
      "the planted key pkcs1 PEM line 10 as text in pem",
    );
  });
});
