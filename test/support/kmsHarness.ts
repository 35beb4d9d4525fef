import { randomBytes } from "node:crypto";
import type { Result } from "neverthrow";
import { expect } from "vitest";
import { memoryKeyStore } from "../../src/adapters/memoryKeyStore.js";
import { daysAfter } from "../../src/domain/daysAfter.js";
import type { KeyArn } from "../../src/domain/keyArn.js";
import type { KeyEvent } from "../../src/domain/keyEvent.js";
import type { KmsError, KmsErrorName } from "../../src/domain/kmsError.js";
import type {
  SupportedWrappingAlgorithm,
  SupportedWrappingKeySpec,
} from "../../src/domain/wrappingTable.js";
import type { KeyStore } from "../../src/ports/keyStore.js";
import { createKms } from "../../src/service/createKms.js";
import type { Kms } from "../../src/service/kms.js";
import type { KmsOptions } from "../../src/service/kmsOptions.js";
import { manualClock } from "../../src/testing/manualClock.js";
import { testCrypto } from "../../src/testing/testCrypto.js";
import {
  externalKey as createExternalKey,
  importMaterial as importInto,
  wrapFor as wrapForKms,
} from "./importMaterial.js";

/** The start of simulated time in tests. */
export const start = new Date("2026-03-01T12:00:00.000Z");

/** A KMS on a manual clock with the fast test crypto, an inspectable store and a captured audit trail. */
export function kmsHarness(options: Omit<KmsOptions, "clock" | "audit"> = {}) {
  const clock = manualClock(start);
  const audit: KeyEvent[] = [];
  const store: KeyStore = options.store ?? memoryKeyStore();
  const kms = createKms({
    crypto: testCrypto(),
    ...options,
    store,
    clock,
    audit: { record: (e) => audit.push(e) },
  });

  /** Creates an EXTERNAL key and returns its key ID. */
  const externalKey = (): Promise<string> => createExternalKey(kms);

  /** GetParametersForImport and wrap `material` with the returned public key. */
  const wrapFor = (
    KeyId: string,
    material: Uint8Array,
    WrappingAlgorithm?: SupportedWrappingAlgorithm,
    WrappingKeySpec?: SupportedWrappingKeySpec,
  ) => wrapForKms(kms, KeyId, material, WrappingAlgorithm, WrappingKeySpec);

  /** Imports `material` (fresh parameters each time), expiring in `days` days or `"never"`. */
  const importMaterial = (KeyId: string, material: Uint8Array, days: number | "never" = 30) =>
    importInto(
      kms,
      KeyId,
      material,
      days === "never" ? {} : { expiration: { ValidTo: daysAfter(clock.now(), days) } },
    );

  /** An EXTERNAL key holding `bytes` (fresh material by default) that does not expire. */
  const enabledKey = async (bytes: Uint8Array = material()) => {
    const KeyId = await externalKey();
    const { KeyMaterialId } = (await importMaterial(KeyId, bytes, "never"))._unsafeUnwrap();
    return { KeyId, KeyMaterialId };
  };

  /** The key's state, via DescribeKey. */
  const stateOf = async (KeyId: string) =>
    (await kms.describeKey({ KeyId }))._unsafeUnwrap().KeyMetadata.KeyState;

  return { kms, clock, audit, store, externalKey, enabledKey, wrapFor, importMaterial, stateOf };
}

/** A harness as {@link kmsHarness} makes it. */
export type Harness = ReturnType<typeof kmsHarness>;

/** The ARN of a key ID in the harness's account and Region. */
export function arnOf(KeyId: string): KeyArn {
  return `arn:aws:kms:us-east-1:111122223333:key/${KeyId}` as KeyArn;
}

/** 32 random bytes of key material. */
export function material(): Buffer {
  return randomBytes(32);
}

/** Asserts that `result` is an error with exactly this AWS exception name, and returns it. */
export function expectError(result: Result<unknown, KmsError>, name: KmsErrorName): KmsError {
  expect(result).toBeErr(name);
  return result._unsafeUnwrapErr();
}

export type { Kms };
