import type { Brand } from "./brand.js";
import { type KeyScope, partitionOf } from "./keyArn.js";
import type { KeyId } from "./keyId.js";

/** An alias name, checked: `alias/` and then letters, digits, `/`, `_`, `-` or `:` (docs/decisions/0023-aliases.md). */
export type AliasName = Brand<string, "AliasName">;

/** An alias ARN: `arn:<partition>:kms:<region>:<account>:alias/<name>`. */
export type AliasArn = Brand<string, "AliasArn">;

/**
 * The stored state of one alias: a name, unique in its account and Region, that points at one
 * key of that account and Region.
 */
export interface AliasRecord {
  readonly aliasName: AliasName;
  readonly accountId: string;
  readonly region: string;
  /** The key the alias points at, by bare key ID as `ListAliases` shows it. */
  readonly targetKeyId: KeyId;
  readonly creationDate: Date;
  readonly lastUpdatedDate: Date;
}

/**
 * Builds the ARN of an alias in `scope`.
 *
 * @example
 * ```ts
 * aliasArn({ accountId: "111122223333", region: "us-east-1" }, "alias/dev-key");
 * // "arn:aws:kms:us-east-1:111122223333:alias/dev-key"
 * ```
 */
export function aliasArn(scope: KeyScope, aliasName: string): AliasArn {
  return `arn:${partitionOf(scope.region)}:kms:${scope.region}:${scope.accountId}:${aliasName}` as AliasArn;
}
