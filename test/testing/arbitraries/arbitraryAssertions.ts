import fc from "fast-check";
import type { Result } from "neverthrow";
import { expect } from "vitest";
import { validateGenerateMacRequest } from "../../../src/domain/requests/generateMac.js";
import { validateGetPublicKeyRequest } from "../../../src/domain/requests/getPublicKey.js";
import { validateListKeyRotationsRequest } from "../../../src/domain/requests/listKeyRotations.js";
import { validateSignRequest } from "../../../src/domain/requests/sign.js";
import { validateVerifyRequest } from "../../../src/domain/requests/verify.js";
import { validateVerifyMacRequest } from "../../../src/domain/requests/verifyMac.js";
import {
  type KmsError,
  type OperationName,
  type RequestContext,
  validateAliasTargetRequest,
  validateCreateKeyRequest,
  validateDecryptRequest,
  validateDeleteAliasRequest,
  validateDeleteImportedKeyMaterialRequest,
  validateDescribeKeyRequest,
  validateEnableKeyRotationRequest,
  validateEncryptRequest,
  validateGenerateDataKeyRequest,
  validateGenerateRandomRequest,
  validateGetKeyPolicyRequest,
  validateGetParametersForImportRequest,
  validateImportKeyMaterialRequest,
  validateKeyIdRequest,
  validateListAliasesRequest,
  validateListKeyPoliciesRequest,
  validateListKeysRequest,
  validateListResourceTagsRequest,
  validatePutKeyPolicyRequest,
  validateReEncryptRequest,
  validateScheduleKeyDeletionRequest,
  validateTagResourceRequest,
  validateUntagResourceRequest,
  validateUpdateKeyDescriptionRequest,
} from "../../../src/index.js";
import { kmsOperations } from "../../../src/service/kmsOperations.js";

// Contract checks for arbitraries, after fast-check's own ArbitraryAssertions
// (test/unit/arbitrary/__test-helpers__/ArbitraryAssertions.ts in dubzzz/fast-check).

/** The scope and time the contract tests validate against: createKms's defaults. */
export const now = new Date("2026-03-01T12:00:00.000Z");
export const context: RequestContext = {
  scope: { accountId: "111122223333", region: "us-east-1" },
  now,
};

/** Every operation, as AWS names it. */
export const operations = Object.keys(kmsOperations) as OperationName[];

type Validator = (request: unknown, context: RequestContext) => Result<unknown, KmsError>;

const validators: Readonly<Record<OperationName, Validator>> = {
  CancelKeyDeletion: (r, c) => validateKeyIdRequest(r, c, "CancelKeyDeletion"),
  CreateAlias: (r, c) => validateAliasTargetRequest(r, c, "CreateAlias"),
  CreateKey: (r) => validateCreateKeyRequest(r),
  Decrypt: validateDecryptRequest,
  DeleteAlias: (r) => validateDeleteAliasRequest(r),
  DeleteImportedKeyMaterial: validateDeleteImportedKeyMaterialRequest,
  DescribeKey: validateDescribeKeyRequest,
  DisableKey: (r, c) => validateKeyIdRequest(r, c, "DisableKey"),
  EnableKey: (r, c) => validateKeyIdRequest(r, c, "EnableKey"),
  Encrypt: validateEncryptRequest,
  GenerateDataKey: (r, c) => validateGenerateDataKeyRequest(r, c, "GenerateDataKey"),
  GenerateDataKeyWithoutPlaintext: (r, c) =>
    validateGenerateDataKeyRequest(r, c, "GenerateDataKeyWithoutPlaintext"),
  GetParametersForImport: validateGetParametersForImportRequest,
  ImportKeyMaterial: validateImportKeyMaterialRequest,
  ListAliases: validateListAliasesRequest,
  ListKeys: (r) => validateListKeysRequest(r),
  ScheduleKeyDeletion: validateScheduleKeyDeletionRequest,
  UpdateAlias: (r, c) => validateAliasTargetRequest(r, c, "UpdateAlias"),
  DisableKeyRotation: (r, c) => validateKeyIdRequest(r, c, "DisableKeyRotation"),
  EnableKeyRotation: validateEnableKeyRotationRequest,
  GenerateRandom: (r) => validateGenerateRandomRequest(r),
  GetKeyPolicy: validateGetKeyPolicyRequest,
  GetKeyRotationStatus: (r, c) => validateKeyIdRequest(r, c, "GetKeyRotationStatus"),
  ListKeyPolicies: validateListKeyPoliciesRequest,
  ListKeyRotations: validateListKeyRotationsRequest,
  ListResourceTags: validateListResourceTagsRequest,
  RotateKeyOnDemand: (r, c) => validateKeyIdRequest(r, c, "RotateKeyOnDemand"),
  PutKeyPolicy: validatePutKeyPolicyRequest,
  ReEncrypt: validateReEncryptRequest,
  TagResource: validateTagResourceRequest,
  UntagResource: validateUntagResourceRequest,
  UpdateKeyDescription: validateUpdateKeyDescriptionRequest,
  Sign: validateSignRequest,
  Verify: validateVerifyRequest,
  GenerateMac: validateGenerateMacRequest,
  VerifyMac: validateVerifyMacRequest,
  GetPublicKey: validateGetPublicKeyRequest,
};

/** Whether a validated request names an alias, which a KMS without aliases does not find. */
function namesAlias(validated: unknown): boolean {
  const { key, source, destination } = (validated ?? {}) as Record<string, { kind?: string }>;
  return [validated as { kind?: string }, key, source, destination].some(
    (reference) => reference?.kind === "alias",
  );
}

/** What the library's validator of `operation` answers: `"ok"` or the error name. */
export function verdict(
  operation: OperationName,
  request: unknown,
  at: RequestContext = context,
): string {
  const result = validators[operation](request, at);
  if (result.isErr()) return result.error.name;
  return namesAlias(result.value) ? "NotFoundException" : "ok";
}

/** Law: the same seed gives the same values. */
export function assertProduceSameValueGivenSameSeed<T>(arb: fc.Arbitrary<T>, numRuns = 10): void {
  fc.assert(
    fc.property(fc.integer(), (seed) => {
      const first = fc.sample(arb, { seed, numRuns: 20 });
      const second = fc.sample(arb, { seed, numRuns: 20 });
      expect(second).toEqual(first);
    }),
    { numRuns },
  );
}

/** Law: every generated value satisfies `isCorrect`, which returns `false` or throws when not. */
export function assertProduceCorrectValues<T>(
  arb: fc.Arbitrary<T>,
  isCorrect: (value: T) => unknown,
  numRuns = 150,
): void {
  fc.assert(
    fc.property(arb, (value) => isCorrect(value) !== false),
    { numRuns },
  );
}

/** The values `arb` generates for `seed`, with the shrink context of each. */
export function generatedValues<T>(arb: fc.Arbitrary<T>, seed: number, numRuns: number) {
  const values: fc.Value<T>[] = [];
  class Recording extends fc.Arbitrary<T> {
    generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T> {
      const value = arb.generate(mrng, biasFactor);
      values.push(value);
      return value;
    }
    canShrinkWithoutContext(value: unknown): value is T {
      return arb.canShrinkWithoutContext(value);
    }
    shrink(value: T, shrinkContext: unknown): fc.Stream<fc.Value<T>> {
      return arb.shrink(value, shrinkContext);
    }
  }
  fc.sample(new Recording(), { seed, numRuns });
  return values;
}

/**
 * Law: shrinking never grows a value, as `measure` sees it, and makes some value smaller:
 * the first `maxShrinks` shrinks of each generated value measure at most as much as it does.
 */
export function assertShrinkProducesSmallerValues<T>(
  arb: fc.Arbitrary<T>,
  measure: (value: T) => number,
  { seed = 42, numRuns = 60, maxShrinks = 40 } = {},
): void {
  let smaller = 0;
  for (const original of generatedValues(arb, seed, numRuns)) {
    const size = measure(original.value);
    for (const shrunk of arb.shrink(original.value_, original.context).take(maxShrinks)) {
      expect(measure(shrunk.value)).toBeLessThanOrEqual(size);
      if (measure(shrunk.value) < size) smaller += 1;
    }
  }
  expect(smaller).toBeGreaterThan(0);
}

/**
 * The first value a failing property saw and the counterexample fast-check shrank it to.
 * Throws when the property never failed.
 */
export function shrunkCounterexample<T>(
  arb: fc.Arbitrary<T>,
  fails: (value: T) => boolean,
  seed = 42,
): { readonly original: T; readonly shrunk: T } {
  let original: { value: T } | undefined;
  const details = fc.check(
    fc.property(arb, (value) => {
      if (!fails(value)) return true;
      original ??= { value };
      return false;
    }),
    { seed, numRuns: 1000 },
  );
  if (!details.failed || details.counterexample === null || original === undefined) {
    throw new Error("The property never failed, so nothing was shrunk.");
  }
  return { original: original.value, shrunk: details.counterexample[0] };
}

/** The size of a request as it would travel: characters, bytes, items and members. */
export function serializedSize(value: unknown): number {
  if (typeof value === "string") return value.length;
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Date) return 8;
  if (Array.isArray(value)) return value.reduce((n: number, item) => n + serializedSize(item), 1);
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).reduce((n, [k, v]) => n + k.length + serializedSize(v), 1);
  }
  return String(value).length;
}
