import { type KeyRef, showKeyRef } from "../model/keyRef.js";
import { hasPublicKey, isRsaSpec, type ModelKeyKind } from "../model/modelKeyKinds.js";
import type { ModelState } from "../model/modelState.js";

/** What a command wants of the key it picks when it runs (current profile). */
export type KeyWant = "mac" | "sign" | "rsaEncrypt" | "publicKey" | "nonSymmetric";

/**
 * A key picked when the command runs, among the keys of the run that fit `want`: the latest
 * first, `pick` counting back (modulo how many there are). With none, key#0 (a symmetric key,
 * which the operation refuses for its usage).
 */
export interface KeyPick {
  readonly kind: "pick";
  readonly want: KeyWant;
  readonly pick: number;
}

/** How a command names its key: a reference, or a key of a kind picked when it runs. */
export type KeyChoice = KeyRef | KeyPick;

/** Whether a key of `kind` (absent: symmetric) is what `want` asks for. */
export function fits(kind: ModelKeyKind | undefined, want: KeyWant): boolean {
  if (kind === undefined) return false;
  switch (want) {
    case "mac":
      return kind.usage === "GENERATE_VERIFY_MAC";
    case "sign":
      return kind.usage === "SIGN_VERIFY";
    case "rsaEncrypt":
      return kind.usage === "ENCRYPT_DECRYPT" && isRsaSpec(kind.spec);
    case "publicKey":
      return hasPublicKey(kind);
    case "nonSymmetric":
      return true;
  }
}

/** What a key of `kind` is, as a {@link KeyWant} that picks it. */
export function wantOf(kind: ModelKeyKind): KeyWant {
  if (kind.usage === "GENERATE_VERIFY_MAC") return "mac";
  return kind.usage === "SIGN_VERIFY" ? "sign" : "rsaEncrypt";
}

/** The reference `choice` stands for in `state`. */
export function resolveKeyChoice(state: ModelState, choice: KeyChoice): KeyRef {
  if (choice.kind !== "pick") return choice;
  const fitting = state.keys.flatMap((key, index) => (fits(key.kind, choice.want) ? [index] : []));
  const index = fitting[fitting.length - 1 - (choice.pick % Math.max(fitting.length, 1))] ?? 0;
  return { kind: "key", index, form: "id" };
}

/** A short name for failure reports: `key#0`, or `sign-key[0]` (the latest signing key). */
export function showKeyChoice(choice: KeyChoice): string {
  return choice.kind === "pick" ? `${choice.want}-key[${choice.pick}]` : showKeyRef(choice);
}
