import { addDays } from "date-fns";
import fc from "fast-check";
import type { Result, ResultAsync } from "neverthrow";
import { describe, expect, it } from "vitest";
import { wrapKeyMaterial } from "../../src/client/wrapKeyMaterial.js";
import { isKmsErrorName, type KmsError } from "../../src/domain/kmsError.js";
import { wrappingAlgorithmValues } from "../../src/domain/wrappingTable.js";
import type { Kms } from "../../src/service/kms.js";
import { garbageValue } from "../../src/testing/arbitraries/garbageValue.js";
import { kmsHarness } from "../support/kmsHarness.js";
import { operationOf, requestMembers } from "../support/requestMembers.js";

/** A well-formed key ID of no key. */
const unknownKeyId = "ffffffff-ffff-4fff-bfff-ffffffffffff";

/** A placeholder for a value that exists only once the property has set up its KMS. */
class Live {
  constructor(readonly name: keyof LiveValues) {}
}

interface LiveValues {
  readonly externalKeyId: string;
  readonly externalKeyArn: string;
  readonly awsKmsKeyId: string;
  readonly importToken: Uint8Array;
  readonly encryptedKeyMaterial: Uint8Array;
  readonly keyMaterialId: string;
  readonly now: Date;
  readonly inThirtyDays: Date;
  readonly listMarker: string;
  readonly ciphertextBlob: Uint8Array;
}

const live = (...names: (keyof LiveValues)[]) => fc.constantFrom(...names.map((n) => new Live(n)));

const hugeString = fc
  .tuple(fc.string({ minLength: 1, maxLength: 3 }), fc.integer({ min: 1_000, max: 100_000 }))
  .map(([unit, times]) => unit.repeat(times));

/** The kit's garbage values, and strings far past every length limit. */
const garbage: fc.Arbitrary<unknown> = fc.oneof(garbageValue(), hugeString);

const keyIdValue = fc.oneof(
  { weight: 4, arbitrary: live("externalKeyId", "externalKeyArn", "awsKmsKeyId") },
  fc.constantFrom(
    unknownKeyId,
    "alias/aws/kms",
    `arn:aws:kms:eu-west-1:111122223333:key/${unknownKeyId}`,
    `arn:aws:kms:us-east-1:444455556666:key/${unknownKeyId}`,
    `arn:aws:kms:us-east-1:111122223333:alias/mine`,
    "arn:aws:kms:::key/",
    "mrk-0123456789abcdef0123456789abcdef",
  ),
  fc.uuid(),
  fc.string(),
);

/** Values that get past some of a member's checks, so requests reach deeper code. */
const plausible: Readonly<Record<string, fc.Arbitrary<unknown>>> = {
  KeyId: keyIdValue,
  GrantTokens: fc.array(fc.string(), { maxLength: 12 }),
  Limit: fc.integer({ min: -5, max: 1005 }),
  Marker: fc.oneof(live("listMarker"), fc.base64String(), fc.string()),
  WrappingAlgorithm: fc.constantFrom(...wrappingAlgorithmValues, "RSA_OAEP"),
  // RSA_3072 and RSA_4096 are left out: they only cost key generation time.
  WrappingKeySpec: fc.constantFrom("RSA_2048", "SM2", "RSA_1024"),
  ImportToken: fc.oneof(
    { weight: 3, arbitrary: live("importToken") },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
  ),
  EncryptedKeyMaterial: fc.oneof(
    { weight: 3, arbitrary: live("encryptedKeyMaterial") },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 600 }) },
  ),
  ValidTo: fc.oneof(
    { weight: 3, arbitrary: live("inThirtyDays") },
    { weight: 1, arbitrary: live("now") },
    { weight: 1, arbitrary: fc.date() },
  ),
  ExpirationModel: fc.constantFrom(
    "KEY_MATERIAL_EXPIRES",
    "KEY_MATERIAL_EXPIRES",
    "KEY_MATERIAL_DOES_NOT_EXPIRE",
  ),
  ImportType: fc.constantFrom("NEW_KEY_MATERIAL", "EXISTING_KEY_MATERIAL", "EXISTING_KEY_MATERIAL"),
  KeyMaterialDescription: fc.oneof(
    { weight: 3, arbitrary: fc.stringMatching(/^[a-zA-Z0-9:/_\s.-]{1,20}$/) },
    { weight: 1, arbitrary: fc.string() },
  ),
  KeyMaterialId: fc.oneof(
    { weight: 2, arbitrary: live("keyMaterialId") },
    { weight: 1, arbitrary: fc.stringMatching(/^[0-9a-f]{64}$/) },
    { weight: 1, arbitrary: fc.string({ maxLength: 70 }) },
  ),
  IncludeKeyMaterial: fc.constantFrom("ALL_KEY_MATERIAL", "ROTATIONS_ONLY", "EVERYTHING"),
  PendingWindowInDays: fc.integer({ min: 0, max: 40 }),
  Description: fc.string(),
  KeyUsage: fc.constantFrom("ENCRYPT_DECRYPT", "SIGN_VERIFY", "GENERATE_VERIFY_MAC", "MAC"),
  KeySpec: fc.constantFrom(
    "SYMMETRIC_DEFAULT",
    "RSA_2048",
    "HMAC_256",
    "ML_DSA_44",
    "AES_256",
    "AES_128",
  ),
  Plaintext: fc.uint8Array({ maxLength: 4100 }),
  CiphertextBlob: fc.oneof(
    { weight: 3, arbitrary: live("ciphertextBlob") },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
  ),
  EncryptionContext: fc.oneof(
    fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
    fc.constant({ purpose: "test" }),
  ),
  EncryptionAlgorithm: fc.constantFrom("SYMMETRIC_DEFAULT", "RSAES_OAEP_SHA_256", "AES"),
  Message: fc.uint8Array({ maxLength: 4100 }),
  MessageType: fc.constantFrom("RAW", "DIGEST", "EXTERNAL_MU", "raw"),
  SigningAlgorithm: fc.constantFrom("ECDSA_SHA_256", "RSASSA_PSS_SHA_256", "ED25519_SHA_512", "X"),
  Signature: fc.uint8Array({ maxLength: 6150 }),
  MacAlgorithm: fc.constantFrom("HMAC_SHA_256", "HMAC_SHA_1", "hmac"),
  Mac: fc.uint8Array({ maxLength: 6150 }),
  NumberOfBytes: fc.integer({ min: -2, max: 1030 }),
  DryRun: fc.boolean(),
  Recipient: fc.record({ AttestationDocument: fc.uint8Array({ maxLength: 8 }) }),
  CustomerMasterKeySpec: fc.constantFrom("SYMMETRIC_DEFAULT", "ECC_NIST_P256", "ML_DSA_44"),
  Origin: fc.constantFrom("EXTERNAL", "AWS_KMS", "AWS_CLOUDHSM", "EXTERNAL_KEY_STORE", "OTHER"),
  CustomKeyStoreId: fc.string(),
  MultiRegion: fc.boolean(),
  XksKeyId: fc.string(),
  Policy: fc.string(),
  BypassPolicyLockoutSafetyCheck: fc.boolean(),
  Tags: fc.array(fc.record({ TagKey: fc.string(), TagValue: fc.string() }), { maxLength: 3 }),
  AliasName: fc.oneof(fc.string(), fc.constantFrom("alias/aws/x", "alias/", "alias/a b")),
  TargetKeyId: fc.string(),
};

/** A valid value for each member, so some requests get all the way through. */
const wellFormed: Readonly<Record<string, fc.Arbitrary<unknown>>> = {
  KeyId: live("externalKeyId", "externalKeyArn", "awsKmsKeyId"),
  AliasName: fc.constantFrom("alias/garbage-a", "alias/garbage-b"),
  TargetKeyId: live("externalKeyId", "externalKeyArn", "awsKmsKeyId"),
  DestinationKeyId: live("externalKeyId", "externalKeyArn", "awsKmsKeyId"),
  SourceKeyId: live("externalKeyId", "externalKeyArn", "awsKmsKeyId"),
  TagKeys: fc.array(fc.constantFrom("team", "env"), { maxLength: 2 }),
  PolicyName: fc.constant("default"),
  RotationPeriodInDays: fc.integer({ min: 90, max: 2560 }),
  GrantTokens: fc.array(fc.string({ minLength: 1, maxLength: 20 }), { maxLength: 3 }),
  Limit: fc.integer({ min: 1, max: 1000 }),
  Marker: live("listMarker"),
  WrappingAlgorithm: fc.constantFrom(
    "RSAES_OAEP_SHA_1",
    "RSAES_OAEP_SHA_256",
    "RSA_AES_KEY_WRAP_SHA_1",
    "RSA_AES_KEY_WRAP_SHA_256",
  ),
  WrappingKeySpec: fc.constant("RSA_2048"),
  ImportToken: live("importToken"),
  EncryptedKeyMaterial: live("encryptedKeyMaterial"),
  ValidTo: live("inThirtyDays"),
  ExpirationModel: fc.constant("KEY_MATERIAL_EXPIRES"),
  ImportType: fc.constant("EXISTING_KEY_MATERIAL"),
  KeyMaterialDescription: fc.stringMatching(/^[a-zA-Z0-9:/_\s.-]{1,20}$/),
  KeyMaterialId: live("keyMaterialId"),
  PendingWindowInDays: fc.integer({ min: 7, max: 30 }),
  Description: fc.string({ maxLength: 20 }),
  KeyUsage: fc.constant("ENCRYPT_DECRYPT"),
  KeySpec: fc.constant("SYMMETRIC_DEFAULT"),
  Plaintext: fc.uint8Array({ minLength: 1, maxLength: 64 }),
  CiphertextBlob: live("ciphertextBlob"),
  EncryptionContext: fc.constant({ purpose: "test" }),
  EncryptionAlgorithm: fc.constant("SYMMETRIC_DEFAULT"),
  Message: fc.uint8Array({ minLength: 1, maxLength: 64 }),
  SigningAlgorithm: fc.constant("ECDSA_SHA_256"),
  Signature: fc.uint8Array({ minLength: 1, maxLength: 72 }),
  MacAlgorithm: fc.constant("HMAC_SHA_256"),
  Mac: fc.uint8Array({ minLength: 1, maxLength: 32 }),
  NumberOfBytes: fc.integer({ min: 1, max: 1024 }),
  DryRun: fc.constant(false),
  Origin: fc.constantFrom("EXTERNAL", "AWS_KMS"),
  MultiRegion: fc.constant(false),
  Policy: fc.stringMatching(/^[a-z{}":, ]{1,40}$/),
  BypassPolicyLockoutSafetyCheck: fc.boolean(),
  Tags: fc.array(
    fc.record({ TagKey: fc.string({ minLength: 1, maxLength: 10 }), TagValue: fc.string() }),
    { maxLength: 3 },
  ),
};

type Method = keyof Kms;

/** The members each operation needs, so some requests are complete enough to reach the key. */
const requiredMembers: Readonly<Record<Method, readonly string[]>> = {
  createKey: [],
  describeKey: ["KeyId"],
  listKeys: [],
  getParametersForImport: ["KeyId", "WrappingAlgorithm", "WrappingKeySpec"],
  importKeyMaterial: ["KeyId", "ImportToken", "EncryptedKeyMaterial", "ValidTo"],
  deleteImportedKeyMaterial: ["KeyId"],
  enableKey: ["KeyId"],
  disableKey: ["KeyId"],
  scheduleKeyDeletion: ["KeyId"],
  cancelKeyDeletion: ["KeyId"],
  encrypt: ["KeyId", "Plaintext"],
  decrypt: ["CiphertextBlob"],
  generateDataKey: ["KeyId"],
  generateDataKeyWithoutPlaintext: ["KeyId"],
  createAlias: ["AliasName", "TargetKeyId"],
  updateAlias: ["AliasName", "TargetKeyId"],
  deleteAlias: ["AliasName"],
  listAliases: [],
  tagResource: ["KeyId", "Tags"],
  untagResource: ["KeyId", "TagKeys"],
  listResourceTags: ["KeyId"],
  getKeyPolicy: ["KeyId"],
  putKeyPolicy: ["KeyId", "Policy"],
  listKeyPolicies: ["KeyId"],
  updateKeyDescription: ["KeyId", "Description"],
  enableKeyRotation: ["KeyId"],
  disableKeyRotation: ["KeyId"],
  getKeyRotationStatus: ["KeyId"],
  rotateKeyOnDemand: ["KeyId"],
  listKeyRotations: ["KeyId"],
  generateRandom: ["NumberOfBytes"],
  reEncrypt: ["CiphertextBlob", "DestinationKeyId"],
  sign: ["KeyId", "Message", "SigningAlgorithm"],
  verify: ["KeyId", "Message", "Signature", "SigningAlgorithm"],
  generateMac: ["KeyId", "Message", "MacAlgorithm"],
  verifyMac: ["KeyId", "Message", "Mac", "MacAlgorithm"],
  getPublicKey: ["KeyId"],
};

/**
 * A request for `method`: anything at all; its members with garbage among plausible values;
 * or its required members with plausible, or valid, values and the others maybe.
 */
function request(method: Method): fc.Arbitrary<unknown> {
  const model = (value: (member: string) => fc.Arbitrary<unknown>) =>
    Object.fromEntries(
      requestMembers[operationOf(method)].map((member) => [member, value(member)]),
    );
  const plausibleFor = (member: string) => plausible[member] ?? garbage;
  return fc.oneof(
    { weight: 1, arbitrary: garbage },
    {
      weight: 2,
      arbitrary: fc.record(
        model((member) =>
          fc.oneof(
            { weight: 2, arbitrary: plausibleFor(member) },
            { weight: 1, arbitrary: garbage },
          ),
        ),
        { requiredKeys: [] },
      ),
    },
    {
      weight: 1,
      arbitrary: fc.record(model(plausibleFor), {
        requiredKeys: [...requiredMembers[method]],
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record(
        model((member) => wellFormed[member] ?? plausibleFor(member)),
        { requiredKeys: [...requiredMembers[method]] },
      ),
    },
  );
}

/** Replaces the {@link Live} placeholders among the members of `template`. */
function resolve(template: unknown, values: LiveValues): unknown {
  if (typeof template !== "object" || template === null) return template;
  if (!Object.values(template).some((value) => value instanceof Live)) return template;
  const resolved = Object.create(Object.getPrototypeOf(template)) as Record<string, unknown>;
  for (const [member, value] of Object.entries(template)) {
    resolved[member] = value instanceof Live ? values[value.name] : value;
  }
  return resolved;
}

/** Requests that are not objects of members at all, tried on every run of the law. */
const edgeInputs: unknown[] = [
  null,
  undefined,
  [],
  "KeyId",
  0,
  true,
  new Date(Number.NaN),
  new Uint8Array(8),
  Object.create(null),
  { KeyId: null },
  () => undefined,
];

/** A KMS with an EXTERNAL key holding material, an AWS_KMS key, and the live values for requests. */
async function setUp() {
  const h = kmsHarness();
  const externalKeyId = await h.externalKey();
  const material = new Uint8Array(32).fill(42);
  const imported = (await h.importMaterial(externalKeyId, material))._unsafeUnwrap();
  const aws = (await h.kms.createKey({ Origin: "AWS_KMS" }))._unsafeUnwrap().KeyMetadata;
  const params = (
    await h.kms.getParametersForImport({
      KeyId: externalKeyId,
      WrappingAlgorithm: "RSAES_OAEP_SHA_256",
      WrappingKeySpec: "RSA_2048",
    })
  )._unsafeUnwrap();
  const listMarker = (await h.kms.listKeys({ Limit: 1 }))._unsafeUnwrap().NextMarker;
  if (listMarker === undefined) throw new Error("two keys make two pages of one");
  const now = h.clock.now();
  const ciphertextBlob = (
    await h.kms.encrypt({
      KeyId: externalKeyId,
      Plaintext: new Uint8Array([1, 2, 3]),
      EncryptionContext: { purpose: "test" },
    })
  )._unsafeUnwrap().CiphertextBlob;
  const values: LiveValues = {
    externalKeyId,
    externalKeyArn: params.KeyId,
    awsKmsKeyId: aws.KeyId,
    importToken: params.ImportToken,
    encryptedKeyMaterial: wrapKeyMaterial({
      publicKey: params.PublicKey,
      wrappingAlgorithm: "RSAES_OAEP_SHA_256",
      keyMaterial: material,
    })._unsafeUnwrap(),
    keyMaterialId: imported.KeyMaterialId,
    now,
    inThirtyDays: addDays(now, 30),
    listMarker,
    ciphertextBlob,
  };
  return { kms: h.kms, values };
}

describe("Kms operations on arbitrary input", () => {
  for (const method of Object.keys(requiredMembers) as Method[]) {
    it(`${method} on arbitrary (including garbage) input returns a KmsError and never throws`, async () => {
      await fc.assert(
        fc.asyncProperty(request(method), async (template) => {
          const { kms, values } = await setUp();
          const input = resolve(template, values);
          const call = kms[method] as (input: unknown) => ResultAsync<unknown, KmsError>;
          let result: Result<unknown, KmsError>;
          try {
            result = await call(input);
          } catch (thrown) {
            expect.fail(`${method} threw instead of returning err(): ${String(thrown)}`);
          }
          if (result.isOk()) return;
          expect(isKmsErrorName(result.error.name), result.error.name).toBe(true);
          expect(result.error.message).toBeTypeOf("string");
          expect(result.error.message.length).toBeGreaterThan(0);
        }),
        { numRuns: 60, examples: edgeInputs.map((input) => [input]) },
      );
    });
  }
});
