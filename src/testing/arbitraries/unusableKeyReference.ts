import fc from "fast-check";
import { foreignAccountScope, foreignRegionScope } from "./_internals/foreignScope.js";
import { kmsArn, scopeOf } from "./_internals/scope.js";
import { aliasName } from "./aliasName.js";
import { keyId } from "./keyId.js";
import { malformedKeyId } from "./malformedKeyId.js";

/** The kinds of `KeyId` that no operation of kms-byok can use (docs/decisions/0001-symmetric-keys-only.md, docs/decisions/0009-key-id-or-key-arn-only.md). */
export type UnusableKeyReferenceKind =
  | "alias"
  | "aliasArn"
  | "malformed"
  | "malformedArn"
  | "foreignRegion"
  | "foreignAccount"
  | "multiRegion";

/** Constraints of {@link unusableKeyReference}. */
export interface UnusableKeyReferenceConstraints {
  /** The KMS's 12-digit account. @defaultValue `"111122223333"`, as `createKms` */
  readonly accountId?: string;
  /** The KMS's Region. @defaultValue `"us-east-1"`, as `createKms` */
  readonly region?: string;
  /** Which kinds to generate. @defaultValue every kind */
  readonly kinds?: readonly UnusableKeyReferenceKind[];
  /**
   * Whether the operation the references are for takes aliases (DescribeKey and the data plane)
   * or refuses them (every other operation, docs/decisions/0024-key-id-only-operations-refuse-aliases.md): it decides the error of the
   * `alias` and `aliasArn` kinds. @defaultValue `"resolve"`
   */
  readonly aliases?: "resolve" | "refuse";
}

/** A `KeyId` value and the error every operation that takes a `KeyId` answers for it. */
export interface UnusableKeyReference {
  readonly KeyId: string;
  readonly error:
    | "NotFoundException"
    | "AccessDeniedException"
    | "InvalidArnException"
    | "UnsupportedOperationException";
  /** Why, in a short sentence, such as "KeyId is an ARN of another account". */
  readonly reason: string;
}

const allKinds: readonly UnusableKeyReferenceKind[] = [
  "alias",
  "aliasArn",
  "malformed",
  "malformedArn",
  "foreignRegion",
  "foreignAccount",
  "multiRegion",
];

const hex32 = fc.stringMatching(/^[0-9a-f]{32}$/);

/**
 * `KeyId` values that are well-formed as request members (1–2048 characters) but name no key
 * kms-byok can use, each with the error it gets (docs/decisions/0009-key-id-or-key-arn-only.md):
 * malformed IDs and ARNs, and ARNs of another Region or partition → `NotFoundException`; ARNs
 * of another account (key or alias) → `AccessDeniedException`; multi-Region (`mrk-`) key IDs and
 * ARNs → `UnsupportedOperationException` (docs/decisions/0001-symmetric-keys-only.md); alias
 * names and alias ARNs → `NotFoundException` from an operation that takes aliases (for a KMS
 * where no alias of that name exists), `InvalidArnException` from one that refuses them
 * (`aliases: "refuse"`, docs/decisions/0024-key-id-only-operations-refuse-aliases.md).
 *
 * Throws `TypeError` for an `accountId` that is not 12 digits, a malformed `region`, or no kinds.
 *
 * @example
 * ```ts
 * const references = arbitraries.unusableKeyReference({ aliases: "refuse" });
 * fc.assert(fc.asyncProperty(references, async ({ KeyId, error }) =>
 *   (await kms.getParametersForImport({ KeyId, WrappingAlgorithm: "RSAES_OAEP_SHA_256",
 *     WrappingKeySpec: "RSA_2048" }))._unsafeUnwrapErr().name === error));
 * ```
 */
export function unusableKeyReference(
  constraints: UnusableKeyReferenceConstraints = {},
): fc.Arbitrary<UnusableKeyReference> {
  const scope = scopeOf(constraints, "unusableKeyReference");
  const kinds = constraints.kinds ?? allKinds;
  if (kinds.length === 0) {
    throw new TypeError("arbitraries.unusableKeyReference: kinds must name at least one kind.");
  }
  const notFound = (keyIds: fc.Arbitrary<string>, reason: string) =>
    keyIds.map((KeyId) => ({ KeyId, error: "NotFoundException" as const, reason }));
  const alias = (keyIds: fc.Arbitrary<string>, reason: string) =>
    constraints.aliases === "refuse"
      ? keyIds.map((KeyId) => ({
          KeyId,
          error: "InvalidArnException" as const,
          reason: `${reason}, which the operation does not take`,
        }))
      : notFound(keyIds, `${reason} that no alias has`);
  const byKind: Record<UnusableKeyReferenceKind, () => fc.Arbitrary<UnusableKeyReference>> = {
    alias: () => alias(aliasName(), "KeyId is an alias name"),
    aliasArn: () =>
      alias(
        aliasName().map((name) => kmsArn(scope, name)),
        "KeyId is an alias ARN",
      ),
    malformed: () => notFound(malformedKeyId(), "KeyId is not a key ID, ARN or alias"),
    malformedArn: () => notFound(malformedArn(scope), "KeyId is a malformed key ARN"),
    foreignRegion: () =>
      notFound(
        fc.tuple(foreignRegionScope(scope), keyId()).map(([s, id]) => kmsArn(s, `key/${id}`)),
        "KeyId is an ARN of another Region",
      ),
    foreignAccount: () =>
      fc
        .tuple(
          foreignAccountScope(scope),
          fc.oneof(
            keyId().map((id) => `key/${id}`),
            aliasName(),
          ),
        )
        .map(([s, resource]) => ({
          KeyId: kmsArn(s, resource),
          error: "AccessDeniedException" as const,
          reason: "KeyId is an ARN of another account",
        })),
    multiRegion: () =>
      fc
        .tuple(hex32, fc.boolean())
        .map(([hex, asArn]) => (asArn ? kmsArn(scope, `key/mrk-${hex}`) : `mrk-${hex}`))
        .map((KeyId) => ({
          KeyId,
          error: "UnsupportedOperationException" as const,
          reason: "KeyId is a multi-Region key",
        })),
  };
  return fc.oneof(...kinds.map((kind) => byKind[kind]()));
}

/** ARNs of this account and Region that are still not key ARNs kms-byok accepts. */
function malformedArn(scope: { readonly accountId: string; readonly region: string }) {
  const wrongPartition = scope.region.startsWith("cn-") ? "aws" : "aws-cn";
  return fc.oneof(
    malformedKeyId().map((resource) => kmsArn(scope, `key/${resource}`)),
    keyId().map((id) =>
      kmsArn(scope, `key/${id}`).replace(/^arn:[a-z-]+:/, `arn:${wrongPartition}:`),
    ),
    keyId().map((id) => kmsArn(scope, `key/${id}`).replace(":kms:", ":s3:")),
    fc.constantFrom(kmsArn(scope, "key/"), kmsArn(scope, "key"), "arn:", "arn:aws:kms"),
  );
}
