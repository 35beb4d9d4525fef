import { offers, usageRefusal } from "../model/keyUsage.js";
import { liveKey } from "../model/liveKey.js";
import { enabledOnly, type LookedUp } from "../model/lookUpKey.js";
import type { ModelCiphertext, ModelKey, ModelState } from "../model/modelState.js";
import { encryptionContexts } from "./encryptionContexts.js";
import type { KmsModel } from "./kmsCommand.js";
import type { HeldCiphertext, KmsSystem } from "./kmsSystem.js";

/** What a Decrypt command sends with the ciphertext it picked. */
export interface DecryptChoices {
  /** Which ciphertext of the run (modulo how many there are; -1 is the latest). */
  readonly pick: number;
  /** `KeyId`: none, the ciphertext's key (by ID or ARN), or another key. */
  readonly keyId: "none" | "id" | "arn" | "other";
  /** The encryption context it was made with (its pairs in reverse order, too), or another one. */
  readonly context: "same" | "reordered" | "other";
  /** Flip one bit of the ciphertext's last byte. */
  readonly tamper: boolean;
}

/** A ciphertext of the run as a command picked it, and what it sends to decrypt it. */
export interface HeldSource {
  readonly made: ModelCiphertext;
  readonly held: HeldCiphertext;
  readonly contextPosition: number;
  readonly request: {
    readonly CiphertextBlob: Uint8Array;
    readonly EncryptionContext: Record<string, string>;
    readonly KeyId?: string;
    /** The RSAES-OAEP algorithm of an RSA key's ciphertext. */
    readonly EncryptionAlgorithm?: ModelCiphertext["algorithm"];
  };
}

/** The ciphertext `choices.pick` names and the members that decrypt it as chosen, if any exists. */
export function heldCiphertext(
  model: KmsModel,
  system: KmsSystem,
  choices: DecryptChoices,
): HeldSource | undefined {
  const { pick, keyId, context, tamper } = choices;
  const count = Math.max(model.state.ciphertexts.length, 1);
  const position = ((pick % count) + count) % count;
  const made = model.state.ciphertexts[position];
  const held = system.ciphertexts[position];
  if (made === undefined || held === undefined) return undefined;
  const contextPosition =
    (made.context + (context === "other" ? 1 : 0)) % encryptionContexts.length;
  const blob = Uint8Array.from(held.blob);
  if (tamper) blob[blob.length - 1] = (blob.at(-1) ?? 0) ^ 1;
  const keyIndex = keyId === "other" ? made.key + 1 : made.key;
  return {
    made,
    held,
    contextPosition,
    request: {
      CiphertextBlob: blob,
      EncryptionContext: inOrder(
        encryptionContexts[contextPosition] ?? {},
        context === "reordered",
      ),
      ...(keyId === "none"
        ? {}
        : {
            KeyId: system.keyIdOf({
              kind: "key",
              index: keyIndex,
              form: keyId === "id" ? "id" : "arn",
            }),
          }),
      ...(made.algorithm === undefined ? {} : { EncryptionAlgorithm: made.algorithm }),
    },
  };
}

/**
 * The model's answer to decrypting `source` as chosen: the error, or the key that decrypts.
 * A symmetric key's ciphertext names its key (docs/decisions/0016-ciphertext-format.md); in the
 * current profile a `KeyId` naming an HMAC, RSA or ECC key decides instead, and an RSA key's bare
 * RSAES-OAEP ciphertext decrypts only under that key (docs/decisions/0031-hmac-and-asymmetric-import.md).
 */
export function predictDecrypt(
  state: ModelState,
  source: HeldSource,
  choices: DecryptChoices,
): LookedUp {
  const { made, contextPosition } = source;
  const named =
    choices.keyId === "none" ? undefined : choices.keyId === "other" ? made.key + 1 : made.key;
  if (named !== undefined && state.behaviour === "current") {
    const key = liveKey(state, named);
    if (key?.kind !== undefined) {
      // An RSA ciphertext decrypts under any RSA key holding the private key it was made for.
      const madeUnder = state.keys[made.key];
      const holds =
        made.algorithm !== undefined &&
        madeUnder?.kind?.spec === key.kind.spec &&
        key.bound === made.material;
      return decryptUnder({ index: named, key }, source, choices.tamper || !holds);
    }
  }
  if (made.algorithm !== undefined) {
    // An RSA ciphertext is no kms-byok ciphertext, unless by chance it starts as one, with the
    // version byte 1: then it names a key of no run.
    if (source.request.CiphertextBlob[0] !== 1 || named === undefined) {
      return "InvalidCiphertextException";
    }
    return "IncorrectKeyException";
  }
  if (choices.keyId === "other") return "IncorrectKeyException";
  const key = liveKey(state, made.key);
  if (key === undefined) {
    return choices.keyId === "none" ? "InvalidCiphertextException" : "NotFoundException";
  }
  const enabled = enabledOnly({ index: made.key, key });
  if (typeof enabled === "string") return enabled;
  if (choices.tamper || contextPosition !== made.context) return "InvalidCiphertextException";
  return enabled;
}

/**
 * Decrypt naming an HMAC, RSA or ECC key: only an `Enabled` RSA encryption key, with no
 * encryption context and one of its algorithms, and then only a ciphertext of its private key,
 * unchanged (`fails` when not).
 */
function decryptUnder(
  found: { readonly index: number; readonly key: ModelKey },
  source: HeldSource,
  fails: boolean,
): LookedUp {
  if (usageRefusal(found.key, "Decrypt") !== undefined) return "IncorrectKeyException";
  const enabled = enabledOnly(found);
  if (typeof enabled === "string") return enabled;
  if (Object.keys(source.request.EncryptionContext).length > 0) return "ValidationException";
  const algorithm = source.request.EncryptionAlgorithm ?? "SYMMETRIC_DEFAULT";
  if (!offers(found.key, "EncryptionAlgorithms", algorithm)) return "InvalidKeyUsageException";
  return fails ? "InvalidCiphertextException" : enabled;
}

/** The context with its pairs in the same or the reverse order: order must not matter. */
function inOrder(
  context: Readonly<Record<string, string>>,
  reversed: boolean,
): Record<string, string> {
  const pairs = Object.entries(context);
  return Object.fromEntries(reversed ? pairs.reverse() : pairs);
}
