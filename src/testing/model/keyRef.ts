import type { KmsErrorName } from "../../domain/kmsError.js";
import { liveKey } from "./liveKey.js";
import type { ModelAlias, ModelState } from "./modelState.js";

/** How many alias names a run uses: `alias/model-0` to `alias/model-2`. */
export const aliasPoolSize = 3;

/**
 * How a command names a key: the `index`-th key the run created (by key ID or key ARN; an index
 * past the keys created so far names a well-formed key ID of no key), the alias at position
 * `name` of the run's alias names (by alias name or alias ARN; it need not exist), or an
 * identifier that names no key of the account and Region.
 */
export type KeyRef =
  | { readonly kind: "key"; readonly index: number; readonly form: "id" | "arn" }
  | { readonly kind: "alias"; readonly name: number; readonly form: "name" | "arn" }
  | {
      readonly kind:
        | "malformed"
        | "foreignAccount"
        | "foreignRegion"
        | "multiRegion"
        | "multiRegionArn";
    };

/** Whether an operation takes aliases in `KeyId` (docs/decisions/0024-key-id-only-operations-refuse-aliases.md). */
export type AliasUse = "resolve" | "refuse";

/**
 * The model's reading of a key reference (docs/decisions/0009-key-id-or-key-arn-only.md,
 * docs/decisions/0024-key-id-only-operations-refuse-aliases.md): the position of the key it names,
 * or the error the operation answers for it before looking the key itself up.
 */
export function resolveKeyRef(
  state: ModelState,
  ref: KeyRef,
  aliases: AliasUse,
): number | KmsErrorName {
  switch (ref.kind) {
    case "key":
      return ref.index;
    case "alias": {
      if (aliases === "refuse") return "InvalidArnException";
      return liveAlias(state, ref.name)?.key ?? "NotFoundException";
    }
    case "foreignAccount":
      return "AccessDeniedException";
    case "multiRegion":
    case "multiRegionArn":
      return "UnsupportedOperationException";
    default:
      return "NotFoundException";
  }
}

/** The alias at position `name`, unless there is none or its key no longer exists. */
export function liveAlias(state: ModelState, name: number): ModelAlias | undefined {
  const alias = state.aliases[name];
  return alias !== undefined && liveKey(state, alias.key) !== undefined ? alias : undefined;
}

/** How an alias command names its alias: by position, or the first whose key no longer exists. */
export type AliasChoice = number | "orphaned";

/**
 * The position of the alias `choice` names at the model's now: itself, or for `"orphaned"` the
 * first alias stored for a key that no longer exists (position 0 when there is none).
 */
export function aliasPosition(state: ModelState, choice: AliasChoice): number {
  if (choice !== "orphaned") return choice;
  const orphaned = state.aliases.findIndex(
    (alias) => alias !== undefined && liveKey(state, alias.key) === undefined,
  );
  return Math.max(orphaned, 0);
}

/** The alias name at position `name`: `alias/model-<name>`. */
export function modelAliasName(name: number): string {
  return `alias/model-${name}`;
}

/** A short name for failure reports: `key#0`, `arn(key#1)`, `alias#0`, `malformed`. */
export function showKeyRef(ref: KeyRef): string {
  switch (ref.kind) {
    case "key":
      return ref.form === "arn" ? `arn(key#${ref.index})` : `key#${ref.index}`;
    case "alias":
      return ref.form === "arn" ? `arn(alias#${ref.name})` : `alias#${ref.name}`;
    default:
      return ref.kind;
  }
}
