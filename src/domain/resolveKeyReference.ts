import { err, ok, type Result } from "neverthrow";
import { type KeyArn, type KeyScope, keyArn, partitionOf } from "./keyArn.js";
import { isKeyId, multiRegionKeyIdPattern } from "./keyId.js";
import { type KmsError, kmsError } from "./kmsError.js";
import type { OperationName } from "./operationName.js";

/** How an operation treats aliases: the import and lifecycle operations take none (docs/decisions/0009-key-id-or-key-arn-only.md). */
export type AliasPolicy = "refuse" | "resolve";

const arnPattern = /^arn:([a-z-]+):kms:([^:]*):([^:]*):(key|alias)\/(.+)$/;

/**
 * Turns a `KeyId` request member (key ID, key ARN, alias name or alias ARN) into the ARN of a
 * key in `scope`, following docs/decisions/0009-key-id-or-key-arn-only.md.
 *
 * Errors: `NotFoundException` ("Invalid keyId '…'" for a malformed ID or, where aliases are
 * refused, an alias; "Invalid arn …" for an ARN of another Region or partition; "Alias … is not
 * found." where aliases resolve, since kms-byok has none); `AccessDeniedException` for an ARN of
 * another account; `UnsupportedOperationException` for a multi-Region (`mrk-`) key ID.
 *
 * @example
 * ```ts
 * resolveKeyReference("1234abcd-12ab-34cd-56ef-1234567890ab", scope, "ImportKeyMaterial", "refuse");
 * // ok("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")
 * ```
 */
export function resolveKeyReference(
  reference: string,
  scope: KeyScope,
  operation: OperationName,
  aliases: AliasPolicy,
): Result<KeyArn, KmsError> {
  if (reference.startsWith("alias/")) return aliasNotUsable(reference, reference, scope, aliases);
  if (!reference.startsWith("arn:")) return bareKeyId(reference, scope);

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
  if (resourceType === "alias") {
    return aliasNotUsable(reference, `alias/${resource}`, scope, aliases);
  }
  if (multiRegionKeyIdPattern.test(resource)) return multiRegionUnsupported(resource);
  if (!isKeyId(resource)) return err(kmsError("NotFoundException", `Invalid arn ${reference}`));
  return ok(keyArn(scope, resource));
}

function bareKeyId(reference: string, scope: KeyScope): Result<KeyArn, KmsError> {
  if (multiRegionKeyIdPattern.test(reference)) return multiRegionUnsupported(reference);
  if (!isKeyId(reference)) {
    return err(kmsError("NotFoundException", `Invalid keyId '${reference}'`));
  }
  return ok(keyArn(scope, reference));
}

function aliasNotUsable(
  reference: string,
  aliasName: string,
  scope: KeyScope,
  aliases: AliasPolicy,
): Result<never, KmsError> {
  if (aliases === "refuse") {
    return err(kmsError("NotFoundException", `Invalid keyId '${reference}'`));
  }
  const aliasArn = `arn:${partitionOf(scope.region)}:kms:${scope.region}:${scope.accountId}:${aliasName}`;
  return err(kmsError("NotFoundException", `Alias ${aliasArn} is not found.`));
}

function accessDenied(
  reference: string,
  scope: KeyScope,
  operation: OperationName,
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
