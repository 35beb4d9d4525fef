import fc from "fast-check";
import { foreignAccountScope, foreignRegionScope } from "./_internals/foreignScope.js";
import { kmsArn, type Scope, scopeOf } from "./_internals/scope.js";
import { keyId } from "./keyId.js";

/** Whose key an ARN names, seen from the KMS under test. */
export type KeyArnRelation = "own" | "foreignAccount" | "foreignRegion";

/** Constraints of {@link keyArn}. */
export interface KeyArnConstraints {
  /** The KMS's 12-digit account. @defaultValue `"111122223333"`, as `createKms` */
  readonly accountId?: string;
  /** The KMS's Region. @defaultValue `"us-east-1"`, as `createKms` */
  readonly region?: string;
  /**
   * `own`: a key of this account and Region. `foreignAccount`: another account, same Region.
   * `foreignRegion`: another Region (maybe of another partition), same account.
   * @defaultValue `"own"`
   */
  readonly relation?: KeyArnRelation;
}

/**
 * Key ARNs (`arn:<partition>:kms:<region>:<account>:key/<key-id>`) of the KMS's own keys or of
 * keys it must refuse. Own ARNs are accepted wherever a `KeyId` is; by docs/decisions/0009-key-id-or-key-arn-only.md a foreign-Region ARN
 * gets `NotFoundException` and a foreign-account ARN `AccessDeniedException`.
 *
 * Throws `TypeError` for an `accountId` that is not 12 digits or a malformed `region`.
 *
 * @example
 * ```ts
 * const elsewhere = arbitraries.keyArn({ relation: "foreignRegion" });
 * fc.assert(fc.asyncProperty(elsewhere, async (KeyId) =>
 *   (await kms.enableKey({ KeyId }))._unsafeUnwrapErr().name === "NotFoundException"));
 * ```
 */
export function keyArn(constraints: KeyArnConstraints = {}): fc.Arbitrary<string> {
  const scope = scopeOf(constraints, "keyArn");
  const scopes: Record<KeyArnRelation, () => fc.Arbitrary<Scope>> = {
    own: () => fc.constant(scope),
    foreignAccount: () => foreignAccountScope(scope),
    foreignRegion: () => foreignRegionScope(scope),
  };
  const relation = constraints.relation ?? "own";
  return fc.tuple(scopes[relation](), keyId()).map(([of, id]) => kmsArn(of, `key/${id}`));
}
