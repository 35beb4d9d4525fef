import fc from "fast-check";
import type { BehaviourProfile } from "../../domain/behaviourProfile.js";
import type { SupportedWrappingKeySpec } from "../../domain/wrappingTable.js";
import { type AliasChoice, aliasPoolSize, type KeyRef } from "../model/keyRef.js";
import type { ExpiryChoice, TokenChoice } from "./importChoices.js";

/** How many distinct materials a run imports from. */
export const materialPoolSize = 3;

/** A position among the run's alias names. */
export const aliasChoice: fc.Arbitrary<number> = fc.nat(aliasPoolSize - 1);

/**
 * The alias an alias command works on: a position among the run's alias names, or sometimes
 * `"orphaned"`, an alias whose key no longer exists, where a store's leftovers show.
 */
export const aliasTargetChoice: fc.Arbitrary<AliasChoice> = fc.oneof(
  { weight: 4, arbitrary: aliasChoice },
  { weight: 1, arbitrary: fc.constant("orphaned" as const) },
);

/** The ID of key#0 or key#1, the run's first EXTERNAL keys: where imported material rotates. */
export const externalKeyId: fc.Arbitrary<KeyRef> = fc
  .constantFrom(0, 1)
  .map((index) => ({ kind: "key", index, form: "id" }));

/**
 * The keys a rotation command targets: any of `key`, and in the current profile often an
 * EXTERNAL key by ID, where imported material waits for the rotation.
 */
export const rotationTarget = (
  key: fc.Arbitrary<KeyRef>,
  behaviour: BehaviourProfile,
): fc.Arbitrary<KeyRef> => (behaviour === "current" ? fc.oneof(key, externalKeyId) : key);

/**
 * Key references: mostly a key of the run by ID or ARN, sometimes an alias, or an identifier of no
 * key. `later` draws the keys after the first three (those commands create), with `laterWeight`
 * against 6 for key#0 and key#1 and 2 for key#2.
 */
function keyRefs(later: fc.Arbitrary<number>, laterWeight: number): fc.Arbitrary<KeyRef> {
  return fc.oneof(
    {
      weight: 12,
      arbitrary: fc.record({
        kind: fc.constant("key" as const),
        index: fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom(0, 1) },
          { weight: 2, arbitrary: fc.constant(2) },
          { weight: laterWeight, arbitrary: later },
        ),
        form: fc.constantFrom("id" as const, "arn" as const),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant("alias" as const),
        name: aliasChoice,
        form: fc.constantFrom("name" as const, "arn" as const),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constantFrom(
          "malformed" as const,
          "foreignAccount" as const,
          "foreignRegion" as const,
          "multiRegion" as const,
          "multiRegionArn" as const,
        ),
      }),
    },
  );
}

/**
 * Mostly keys 0–2 (two EXTERNAL keys and an AWS_KMS one at the start), sometimes an alias,
 * later keys or no keys.
 */
export const keyRef: fc.Arbitrary<KeyRef> = keyRefs(fc.integer({ min: 3, max: 5 }), 1);

/**
 * The key references of a profile: in the current profile the keys commands create (HMAC, RSA
 * and ECC keys among them) more often than in the classic one.
 */
export function keyRefOf(behaviour: BehaviourProfile): fc.Arbitrary<KeyRef> {
  return behaviour === "classic" ? keyRef : keyRefs(fc.integer({ min: 3, max: 7 }), 4);
}

/** Valid expiries mostly; each refusal of docs/decisions/0008-expiration-model-and-valid-to.md sometimes. */
export const expiryChoice: fc.Arbitrary<ExpiryChoice> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant("days" as const),
      // Half within a deletion window, so material also expires while a key is pending deletion.
      days: fc.oneof(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 365 })),
    }),
  },
  { weight: 3, arbitrary: fc.constant({ kind: "never" } as const) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      { kind: "notAfterNow" } as const,
      { kind: "tooFar" } as const,
      { kind: "neverWithValidTo" } as const,
      { kind: "missing" } as const,
    ),
  },
);

/** Fresh tokens mostly; held, foreign and forged ones sometimes. */
export function tokenChoice(
  wrappingKeySpecs: readonly SupportedWrappingKeySpec[],
): fc.Arbitrary<TokenChoice> {
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant("fresh" as const),
        wrappingAlgorithm: fc.constantFrom(
          "RSAES_OAEP_SHA_256" as const,
          "RSAES_OAEP_SHA_1" as const,
          "RSA_AES_KEY_WRAP_SHA_256" as const,
          "RSA_AES_KEY_WRAP_SHA_1" as const,
        ),
        wrappingKeySpec: fc.constantFrom(...wrappingKeySpecs),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("held" as const), pick: fc.nat(20) }) },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant("otherKey" as const), pick: fc.nat(20) }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant("forged" as const),
        bytes: fc.uint8Array({ minLength: 1, maxLength: 300 }),
      }),
    },
  );
}

/** Time steps: minutes to two days mostly, sometimes past a year. */
export const minutesToAdvance: fc.Arbitrary<number> = fc.oneof(
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 48 * 60 }) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 48 }).map((hours) => hours * 60) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 400 }).map((days) => days * 24 * 60) },
);
