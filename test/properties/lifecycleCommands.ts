import fc from "fast-check";

/** The KMS, clock and store of one property run. */
export type { Harness } from "../support/kmsHarness.js";

/** A key named by its position among the keys created so far; a position past the end names a key that does not exist. */
export interface KeyRef {
  readonly index: number;
  readonly byArn: boolean;
}

/** How an ImportKeyMaterial request states the expiry: valid (`days`, `never`) or refused by D8. */
export type Expiry =
  | { readonly kind: "days"; readonly days: number }
  | { readonly kind: "never" }
  | { readonly kind: "notAfterNow" }
  | { readonly kind: "tooFar" }
  | { readonly kind: "neverWithValidTo" }
  | { readonly kind: "missing" };

/** Where an ImportKeyMaterial request gets its token. */
export type TokenChoice =
  /** GetParametersForImport on the key just before the import (falls back to `held` when that fails). */
  | { readonly kind: "fresh" }
  /** A token GetParametersForImport handed out earlier for the key: maybe spent, dropped or expired. */
  | { readonly kind: "held"; readonly pick: number }
  /** A token handed out for another key. */
  | { readonly kind: "otherKey"; readonly pick: number }
  /** Bytes this KMS never issued. */
  | { readonly kind: "forged"; readonly bytes: Uint8Array };

/** One step of a random key lifecycle, including requests that must fail. */
export type LifecycleCommand =
  | { readonly kind: "createKey"; readonly origin: "EXTERNAL" | "AWS_KMS" | "AWS_CLOUDHSM" }
  | { readonly kind: "describeKey"; readonly key: KeyRef }
  | {
      readonly kind: "getParametersForImport";
      readonly key: KeyRef;
      readonly wrappingAlgorithm:
        | "RSAES_OAEP_SHA_256"
        | "RSA_AES_KEY_WRAP_SHA_1"
        | "RSAES_PKCS1_V1_5";
      readonly wrappingKeySpec: "RSA_2048" | "SM2";
    }
  | {
      readonly kind: "importKeyMaterial";
      readonly key: KeyRef;
      /** Index into the run's material pool. */
      readonly material: number;
      readonly token: TokenChoice;
      /** The wrapped pool material, bytes that do not unwrap, or 31 bytes of material (D2). */
      readonly ciphertext: "wrapped" | "garbage" | "shortMaterial";
      readonly expiry: Expiry;
    }
  | {
      readonly kind: "deleteImportedKeyMaterial";
      readonly key: KeyRef;
      readonly keyMaterialId: "absent" | "current" | "foreign";
    }
  | { readonly kind: "enableKey"; readonly key: KeyRef }
  | { readonly kind: "disableKey"; readonly key: KeyRef }
  /** `days` outside 7–30 is refused (D13). */
  | { readonly kind: "scheduleKeyDeletion"; readonly key: KeyRef; readonly days: number }
  | { readonly kind: "cancelKeyDeletion"; readonly key: KeyRef }
  | {
      readonly kind: "malformedKeyId";
      readonly operation: KeyedOperation;
      readonly keyId: string;
    }
  | { readonly kind: "advance"; readonly hours: number };

export type KeyedOperation =
  | "describeKey"
  | "getParametersForImport"
  | "importKeyMaterial"
  | "deleteImportedKeyMaterial"
  | "enableKey"
  | "disableKey"
  | "scheduleKeyDeletion"
  | "cancelKeyDeletion";

/** A key ID that no run creates. */
export const unknownKeyId = "ffffffff-ffff-4fff-bfff-ffffffffffff";

// Mostly the two EXTERNAL keys of the world; sometimes the AWS_KMS key, a created one, or none.
const keyRef: fc.Arbitrary<KeyRef> = fc.record({
  index: fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(0, 1) },
    { weight: 1, arbitrary: fc.integer({ min: 2, max: 4 }) },
  ),
  byArn: fc.boolean(),
});

const expiry: fc.Arbitrary<Expiry> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({ kind: fc.constant("days"), days: fc.integer({ min: 1, max: 365 }) }),
  },
  { weight: 3, arbitrary: fc.constant({ kind: "never" } as const) },
  { weight: 1, arbitrary: fc.constant({ kind: "notAfterNow" } as const) },
  { weight: 1, arbitrary: fc.constant({ kind: "tooFar" } as const) },
  { weight: 1, arbitrary: fc.constant({ kind: "neverWithValidTo" } as const) },
  { weight: 1, arbitrary: fc.constant({ kind: "missing" } as const) },
);

const tokenChoice: fc.Arbitrary<TokenChoice> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: "fresh" } as const) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("held"), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("otherKey"), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("forged"),
      bytes: fc.uint8Array({ minLength: 1, maxLength: 200 }),
    }),
  },
);

const malformedKeyIds = [
  "alias/my-key",
  "not-a-key-id",
  `arn:aws:kms:eu-west-1:111122223333:key/${unknownKeyId}`,
  `arn:aws:kms:us-east-1:444455556666:key/${unknownKeyId}`,
  "mrk-0123456789abcdef0123456789abcdef",
  "",
];

/** Size of the material pool of a run. */
export const materialPoolSize = 3;

/** One random lifecycle step; imports and time come up most often. */
export const lifecycleCommand: fc.Arbitrary<LifecycleCommand> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("createKey"),
      origin: fc.constantFrom("EXTERNAL", "AWS_KMS", "AWS_CLOUDHSM"),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("describeKey"), key: keyRef }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("getParametersForImport"),
      key: keyRef,
      wrappingAlgorithm: fc.constantFrom(
        "RSAES_OAEP_SHA_256",
        "RSA_AES_KEY_WRAP_SHA_1",
        "RSAES_OAEP_SHA_256",
        "RSAES_PKCS1_V1_5",
      ),
      wrappingKeySpec: fc.constantFrom("RSA_2048", "RSA_2048", "RSA_2048", "SM2"),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("importKeyMaterial"),
      key: keyRef,
      material: fc.nat({ max: materialPoolSize - 1 }),
      token: tokenChoice,
      ciphertext: fc.constantFrom("wrapped", "wrapped", "wrapped", "garbage", "shortMaterial"),
      expiry,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("deleteImportedKeyMaterial"),
      key: keyRef,
      keyMaterialId: fc.constantFrom("absent", "current", "foreign"),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("enableKey"), key: keyRef }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("disableKey"), key: keyRef }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("scheduleKeyDeletion"),
      key: keyRef,
      days: fc.integer({ min: 5, max: 32 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("cancelKeyDeletion"), key: keyRef }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("malformedKeyId"),
      operation: fc.constantFrom<KeyedOperation>(
        "describeKey",
        "getParametersForImport",
        "importKeyMaterial",
        "deleteImportedKeyMaterial",
        "enableKey",
        "disableKey",
        "scheduleKeyDeletion",
        "cancelKeyDeletion",
      ),
      keyId: fc.constantFrom(...malformedKeyIds),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("advance"),
      hours: fc.oneof(fc.integer({ min: 1, max: 48 }), fc.integer({ min: 48, max: 24 * 400 })),
    }),
  },
);

/** A random lifecycle: a short sequence of steps. */
export const lifecycleCommands = fc.array(lifecycleCommand, { minLength: 5, maxLength: 30 });

/** A pool of distinct 32-byte materials. */
export const materialPool = fc.uniqueArray(fc.uint8Array({ minLength: 32, maxLength: 32 }), {
  minLength: materialPoolSize,
  maxLength: materialPoolSize,
  selector: (bytes) => Buffer.from(bytes).toString("hex"),
});
