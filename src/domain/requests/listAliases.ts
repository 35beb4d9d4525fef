import { ok, type Result } from "neverthrow";
import type { KeyArn } from "../keyArn.js";
import type { KmsError } from "../kmsError.js";
import { resolveKeyReference } from "../resolveKeyReference.js";
import type { RequestContext } from "./memberRules.js";
import { RequestReader } from "./requestReader.js";

/** The ListAliases request, as in the AWS model. */
export interface ListAliasesRequest {
  /** Only the aliases of this key (key ID or key ARN). */
  readonly KeyId?: string | undefined;
  /** 1–1000 aliases per page; 50 when absent, and pages hold at most 100 (docs/decisions/0023-aliases.md). */
  readonly Limit?: number | undefined;
  /** The `NextMarker` of the previous page. */
  readonly Marker?: string | undefined;
}

/** One entry of a ListAliases page. */
export interface AliasListEntry {
  readonly AliasName: string;
  readonly AliasArn: string;
  /** The bare key ID of the key the alias points at. */
  readonly TargetKeyId: string;
  readonly CreationDate: Date;
  readonly LastUpdatedDate: Date;
}

/** The ListAliases response: a page of aliases, and a marker while more follow. */
export interface ListAliasesResponse {
  readonly Aliases: AliasListEntry[];
  readonly Truncated: boolean;
  readonly NextMarker?: string;
}

/** A validated ListAliases request. */
export interface ListAliasesInput {
  readonly limit: number;
  readonly marker?: string;
  readonly targetArn?: KeyArn;
}

/** The page size when a ListAliases request gives no `Limit`. */
export const defaultListAliasesLimit = 50;
/** The most aliases one ListAliases page holds, whatever the `Limit`. */
export const maxListAliasesPage = 100;

/**
 * Validates a ListAliases request (`Limit` 1–1000, `Marker` 1–1024 printable characters,
 * `KeyId` a key ID or key ARN).
 *
 * Errors: `SerializationException`, `ValidationException`, the key reference errors of
 * `resolveKeyReference` (`InvalidArnException` for an alias).
 */
export function validateListAliasesRequest(
  input: unknown,
  context: RequestContext,
): Result<ListAliasesInput, KmsError> {
  return RequestReader.of(input)
    .andThen((reader) => {
      const keyId = reader.string("KeyId", { min: 1, max: 2048 });
      const limit = reader.integer("Limit", { min: 1, max: 1000 }) ?? defaultListAliasesLimit;
      const marker = reader.string("Marker", { min: 1, max: 1024, pattern: /^[\u0020-\u00FF]*$/ });
      return reader.finish(() => ({
        keyId,
        page: {
          limit: Math.min(limit, maxListAliasesPage),
          ...(marker === undefined ? {} : { marker }),
        },
      }));
    })
    .andThen(({ keyId, page }) =>
      keyId === undefined
        ? ok(page)
        : resolveKeyReference(keyId, context.scope, "ListAliases").map((targetArn) => ({
            ...page,
            targetArn,
          })),
    );
}
