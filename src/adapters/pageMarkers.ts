import { createHmac, timingSafeEqual } from "node:crypto";
import type { KeyArn, KeyScope } from "../domain/keyArn.js";

/** Makes and checks the `nextMarker`s of a key store's pages, which end at a `T` (a key ARN). */
export interface PageMarkers<T extends string = KeyArn> {
  /** The marker of a page that ended at `last`, for `scope` only. */
  encode(scope: KeyScope, last: T): string;
  /** What a marker of `scope` ends at, or `undefined` for a marker `encode` did not make. */
  decode(scope: KeyScope, marker: string): T | undefined;
}

const tagBytes = 16;

/**
 * Markers that name the last item of a page (a key ARN, an alias name) and carry an HMAC-SHA256
 * tag over it and the scope, under `secret`. A marker cannot be forged or moved to another
 * account or Region, and it stays valid when the item it names is rewritten or removed. Layout:
 * base64url(item) "." base64url(tag).
 *
 * `purpose` keeps the markers of different lists apart: markers of one purpose are tagged under
 * a key derived from `secret` and `purpose`, so a marker of one list is refused by another.
 * Without it (the key pages) the tag is under `secret` itself.
 */
export function pageMarkers<T extends string = KeyArn>(
  secret: Uint8Array,
  purpose?: string,
): PageMarkers<T> {
  const key =
    purpose === undefined ? secret : createHmac("sha256", secret).update(purpose).digest();
  const tagOf = (scope: KeyScope, last: string) =>
    createHmac("sha256", key)
      .update(`${scope.accountId}\n${scope.region}\n${last}`)
      .digest()
      .subarray(0, tagBytes);
  return {
    encode: (scope, last) =>
      `${Buffer.from(last, "utf8").toString("base64url")}.${tagOf(scope, last).toString("base64url")}`,
    decode: (scope, marker) => {
      const [encodedLast = "", encodedTag = "", ...rest] = marker.split(".");
      const tag = Buffer.from(encodedTag, "base64url");
      const last = Buffer.from(encodedLast, "base64url").toString("utf8");
      const valid =
        rest.length === 0 &&
        tag.byteLength === tagBytes &&
        tag.toString("base64url") === encodedTag &&
        timingSafeEqual(tag, tagOf(scope, last));
      return valid ? (last as T) : undefined;
    },
  };
}

/** The `purpose` of {@link pageMarkers} for the pages of `listAliases`. */
export const aliasPagePurpose = "kms-byok/alias-page-markers/v1";
