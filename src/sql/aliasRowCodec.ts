import { err, ok, type Result } from "neverthrow";
import type { AliasName, AliasRecord } from "../domain/aliasRecord.js";
import { type KeyArn, type KeyScope, keyArn, keyIdOf } from "../domain/keyArn.js";
import { isKeyId } from "../domain/keyId.js";
import type { AliasRow } from "./kmsStatements.js";

/** The ARN a row of `kms_aliases` keeps for the key an alias points at. */
export function targetKeyArnOf(alias: AliasRecord): KeyArn {
  return keyArn(alias, alias.targetKeyId);
}

/**
 * The alias a row of `kms_aliases` of `scope` holds, checked: its key is a key of the same
 * account and Region, its dates are ISO-8601 as `Date#toISOString` writes them.
 *
 * Errors: a sentence naming the first column that is wrong.
 */
export function decodeAliasRow(scope: KeyScope, row: AliasRow): Result<AliasRecord, string> {
  const targetKeyId = keyIdOf(row.target_key_arn as KeyArn);
  if (!isKeyId(targetKeyId) || keyArn(scope, targetKeyId) !== row.target_key_arn)
    return err("target_key_arn is not the ARN of a key of its account and Region");
  const creationDate = isoDate(row.creation_date);
  const lastUpdatedDate = isoDate(row.last_updated_date);
  if (creationDate === undefined) return err("creation_date is not a date");
  if (lastUpdatedDate === undefined) return err("last_updated_date is not a date");
  return ok({
    aliasName: row.alias_name as AliasName,
    accountId: scope.accountId,
    region: scope.region,
    targetKeyId,
    creationDate,
    lastUpdatedDate,
  });
}

function isoDate(text: string): Date | undefined {
  const date = new Date(text);
  return !Number.isNaN(date.getTime()) && date.toISOString() === text ? date : undefined;
}
