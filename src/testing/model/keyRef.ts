import type { KmsErrorName } from "../../domain/kmsError.js";

/**
 * How a command names a key: the `index`-th key the run created (by key ID or key ARN; an index
 * past the keys created so far names a well-formed key ID of no key), or an identifier that
 * names no key of the account and Region.
 */
export type KeyRef =
  | { readonly kind: "key"; readonly index: number; readonly form: "id" | "arn" }
  | {
      readonly kind:
        | "alias"
        | "malformed"
        | "foreignAccount"
        | "foreignRegion"
        | "multiRegion"
        | "multiRegionArn";
    };

/**
 * The model's reading of a key reference (docs/decisions/0009-key-id-or-key-arn-only.md): the position of the key it names, or the error
 * every operation answers for it before looking any key up.
 */
export function resolveKeyRef(ref: KeyRef): number | KmsErrorName {
  switch (ref.kind) {
    case "key":
      return ref.index;
    case "foreignAccount":
      return "AccessDeniedException";
    case "multiRegion":
    case "multiRegionArn":
      return "UnsupportedOperationException";
    default:
      return "NotFoundException";
  }
}

/** A short name for failure reports: `key#0`, `arn(key#1)`, `alias`. */
export function showKeyRef(ref: KeyRef): string {
  if (ref.kind !== "key") return ref.kind;
  return ref.form === "arn" ? `arn(key#${ref.index})` : `key#${ref.index}`;
}
