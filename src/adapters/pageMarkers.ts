import { createHmac, timingSafeEqual } from "node:crypto";
import type { KeyArn, KeyScope } from "../domain/keyArn.js";

/** Makes and checks the `nextMarker`s of a key store's pages. */
export interface PageMarkers {
  /** The marker of a page that ended at `arn`, for `scope` only. */
  encode(scope: KeyScope, arn: KeyArn): string;
  /** The ARN a marker of `scope` ends at, or `undefined` for a marker `encode` did not make. */
  decode(scope: KeyScope, marker: string): KeyArn | undefined;
}

const tagBytes = 16;

/**
 * Markers that name the last ARN of a page and carry an HMAC-SHA256 tag over it and the scope,
 * under `secret`. A marker cannot be forged or moved to another account or Region, and it stays
 * valid when the key it names is rewritten or removed. Layout: base64url(ARN) "." base64url(tag).
 */
export function pageMarkers(secret: Uint8Array): PageMarkers {
  const tagOf = (scope: KeyScope, arn: string) =>
    createHmac("sha256", secret)
      .update(`${scope.accountId}\n${scope.region}\n${arn}`)
      .digest()
      .subarray(0, tagBytes);
  return {
    encode: (scope, arn) =>
      `${Buffer.from(arn, "utf8").toString("base64url")}.${tagOf(scope, arn).toString("base64url")}`,
    decode: (scope, marker) => {
      const [encodedArn = "", encodedTag = "", ...rest] = marker.split(".");
      const tag = Buffer.from(encodedTag, "base64url");
      const arn = Buffer.from(encodedArn, "base64url").toString("utf8");
      const valid =
        rest.length === 0 &&
        tag.byteLength === tagBytes &&
        tag.toString("base64url") === encodedTag &&
        timingSafeEqual(tag, tagOf(scope, arn));
      return valid ? (arn as KeyArn) : undefined;
    },
  };
}
