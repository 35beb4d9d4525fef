import type { Brand } from "./brand.js";
import type { KeyId } from "./keyId.js";

/** A key ARN: `arn:<partition>:kms:<region>:<account>:key/<key-id>`. */
export type KeyArn = Brand<string, "KeyArn">;

/** The account and Region a KMS instance serves; every key it holds lives there. */
export interface KeyScope {
  /** The 12-digit AWS account ID. */
  readonly accountId: string;
  /** The AWS Region, such as `us-east-1`. */
  readonly region: string;
}

/**
 * The AWS partition of a Region: `aws-cn` for China, `aws-us-gov` for GovCloud, else `aws`.
 *
 * @example
 * ```ts
 * partitionOf("cn-north-1"); // "aws-cn"
 * ```
 */
export function partitionOf(region: string): string {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  return "aws";
}

/**
 * Builds the ARN of a key in `scope`.
 *
 * @example
 * ```ts
 * keyArn({ accountId: "111122223333", region: "us-east-1" }, keyId);
 * // "arn:aws:kms:us-east-1:111122223333:key/1234abcd-…"
 * ```
 */
export function keyArn(scope: KeyScope, keyId: KeyId): KeyArn {
  return `${keyArnPrefix(scope)}${keyId}` as KeyArn;
}

/** What every key ARN of `scope` starts with: `arn:aws:kms:<region>:<account>:key/`. */
export function keyArnPrefix(scope: KeyScope): string {
  return `arn:${partitionOf(scope.region)}:kms:${scope.region}:${scope.accountId}:key/`;
}

/** The key ID at the end of a key ARN. */
export function keyIdOf(arn: KeyArn): KeyId {
  return arn.slice(arn.lastIndexOf("/") + 1) as KeyId;
}
