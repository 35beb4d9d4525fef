import { err, ok, type Result } from "neverthrow";
import { type AliasArn, aliasArn } from "./aliasRecord.js";
import { type KeyArn, type KeyScope, keyArn, partitionOf } from "./keyArn.js";
import { isKeyId, multiRegionKeyIdPattern } from "./keyId.js";
import { type KmsError, kmsError } from "./kmsError.js";

/**
 * What a `KeyId` member names once it has been checked: a key by ARN, or an alias the service
 * still has to look up.
 */
export type KeyReference =
  | { readonly kind: "key"; readonly arn: KeyArn }
  | {
      readonly kind: "alias";
      /** The alias name as given; one that breaks the name rules names no alias. */
      readonly aliasName: string;
      readonly aliasArn: AliasArn;
    };

const arnPattern = /^arn:([a-z-]+):kms:([^:]*):([^:]*):(key|alias)\/(.+)$/;

/**
 * Checks a `KeyId` member of an operation that takes aliases (DescribeKey and the data plane):
 * a key ID or key ARN of `scope`, or an alias name or alias ARN of `scope`
 * (docs/decisions/0009-key-id-or-key-arn-only.md, docs/decisions/0023-aliases.md).
 *
 * Errors: `NotFoundException` ("Invalid keyId '…'" for a malformed ID; "Invalid arn …" for an
 * ARN of another Region or partition); `AccessDeniedException` for an ARN of another account; `UnsupportedOperationException`
 * for a multi-Region (`mrk-`) key ID.
 *
 * @example
 * ```ts
 * parseKeyReference("alias/dev-key", scope, "Encrypt");
 * // ok({ kind: "alias", aliasName: "alias/dev-key", aliasArn: "arn:aws:kms:…:alias/dev-key" })
 * ```
 */
export function parseKeyReference(
  reference: string,
  scope: KeyScope,
  operation: string,
): Result<KeyReference, KmsError> {
  if (reference.startsWith("alias/")) return alias(reference, scope);
  if (!reference.startsWith("arn:")) return bareKeyId(reference, scope).map(key);

  const match = arnPattern.exec(reference);
  if (match === null) return err(kmsError("NotFoundException", `Invalid arn ${reference}`));
  const [, partition, region, account, resourceType, resource] = match as unknown as [
    string,
    string,
    string,
    string,
    "key" | "alias",
    string,
  ];
  if (region !== scope.region) return err(kmsError("NotFoundException", `Invalid arn ${region}`));
  if (partition !== partitionOf(scope.region)) {
    return err(kmsError("NotFoundException", `Invalid arn ${reference}`));
  }
  if (account !== scope.accountId) return accessDenied(reference, scope, operation);
  if (resourceType === "alias") return alias(`alias/${resource}`, scope);
  if (multiRegionKeyIdPattern.test(resource)) return multiRegionUnsupported(resource);
  if (!isKeyId(resource)) return err(kmsError("NotFoundException", `Invalid arn ${reference}`));
  return ok(key(keyArn(scope, resource)));
}

/**
 * Checks a `KeyId` member of an operation that takes a key ID or key ARN only and returns the
 * key's ARN in `scope` (docs/decisions/0009-key-id-or-key-arn-only.md, docs/decisions/0024-key-id-only-operations-refuse-aliases.md).
 *
 * Errors: those of {@link parseKeyReference}, and `InvalidArnException` "Key Aliases are not
 * supported for this operation." for an alias name or alias ARN.
 *
 * @example
 * ```ts
 * resolveKeyReference("1234abcd-12ab-34cd-56ef-1234567890ab", scope, "ImportKeyMaterial");
 * // ok("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")
 * ```
 */
export function resolveKeyReference(
  reference: string,
  scope: KeyScope,
  operation: string,
): Result<KeyArn, KmsError> {
  const refused = kmsError(
    "InvalidArnException",
    "Key Aliases are not supported for this operation.",
  );
  return parseKeyReference(reference, scope, operation).andThen((parsed) =>
    parsed.kind === "key" ? ok(parsed.arn) : err(refused),
  );
}

/** "Alias … is not found.": the answer for an alias that does not exist. */
export function aliasNotFound(arn: string): KmsError {
  return kmsError("NotFoundException", `Alias ${arn} is not found.`);
}

function key(arn: KeyArn): KeyReference {
  return { kind: "key", arn };
}

function alias(aliasName: string, scope: KeyScope): Result<KeyReference, KmsError> {
  return ok({ kind: "alias", aliasName, aliasArn: aliasArn(scope, aliasName) });
}

function bareKeyId(reference: string, scope: KeyScope): Result<KeyArn, KmsError> {
  if (multiRegionKeyIdPattern.test(reference)) return multiRegionUnsupported(reference);
  if (!isKeyId(reference)) {
    return err(kmsError("NotFoundException", `Invalid keyId '${reference}'`));
  }
  return ok(keyArn(scope, reference));
}

function accessDenied(
  reference: string,
  scope: KeyScope,
  operation: string,
): Result<never, KmsError> {
  const caller = `arn:${partitionOf(scope.region)}:iam::${scope.accountId}:root`;
  return err(
    kmsError(
      "AccessDeniedException",
      `User: ${caller} is not authorized to perform: kms:${operation} on resource: ${reference} ` +
        `because no resource-based policy allows the kms:${operation} action`,
    ),
  );
}

function multiRegionUnsupported(keyId: string): Result<never, KmsError> {
  return err(
    kmsError(
      "UnsupportedOperationException",
      `${keyId} is a multi-Region key ID; kms-byok models single-Region keys only.`,
    ),
  );
}
