import type {
  ModelWrappingAlgorithm,
  ModelWrappingKeySpec,
} from "./getParametersForImportCommand.js";

/** Where an ImportKeyMaterial command gets its import token. */
export type TokenChoice =
  /** GetParametersForImport on the key just before (the latest token held, if that fails). */
  | {
      readonly kind: "fresh";
      readonly wrappingAlgorithm: Exclude<ModelWrappingAlgorithm, "RSAES_PKCS1_V1_5">;
      readonly wrappingKeySpec: Exclude<ModelWrappingKeySpec, "SM2">;
    }
  /** A token issued earlier for the key: maybe spent, dropped or expired. */
  | { readonly kind: "held"; readonly pick: number }
  /** A token issued for another key. */
  | { readonly kind: "otherKey"; readonly pick: number }
  /** Bytes the target never issued. */
  | { readonly kind: "forged"; readonly bytes: Uint8Array };

/** How an ImportKeyMaterial request states the expiry: valid (`days`, `never`) or refused by docs/decisions/0008-expiration-model-and-valid-to.md. */
export type ExpiryChoice =
  | { readonly kind: "days"; readonly days: number }
  | { readonly kind: "never" }
  | { readonly kind: "notAfterNow" }
  | { readonly kind: "tooFar" }
  | { readonly kind: "neverWithValidTo" }
  | { readonly kind: "missing" };

/**
 * What `EncryptedKeyMaterial` carries: the material wrapped, bytes that do not unwrap, or
 * material of the wrong size (docs/decisions/0002-material-is-exactly-32-bytes.md): its first 16 bytes, or 33 bytes.
 */
export type CiphertextChoice = "wrapped" | "garbage" | "wrongSize" | "tooLong";

const dayMs = 24 * 60 * 60 * 1000;

/** The expiry members of the request, at `now`. */
export function expiryMembers(expiry: ExpiryChoice, now: Date) {
  const inDays = (days: number) => new Date(now.getTime() + days * dayMs);
  switch (expiry.kind) {
    case "days":
      return { ValidTo: inDays(expiry.days) };
    case "never":
      return { ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE" as const };
    case "notAfterNow":
      return { ValidTo: new Date(now.getTime()) };
    case "tooFar":
      return { ValidTo: inDays(366) };
    case "neverWithValidTo":
      return { ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE" as const, ValidTo: inDays(1) };
    case "missing":
      return {};
  }
}

/** docs/decisions/0008-expiration-model-and-valid-to.md: the expiry choices that ImportKeyMaterial accepts. */
export function isValidExpiry(expiry: ExpiryChoice): boolean {
  return expiry.kind === "days" || expiry.kind === "never";
}

/** A short name for failure reports. */
export function showExpiry(expiry: ExpiryChoice): string {
  return expiry.kind === "days" ? `+${expiry.days}d` : expiry.kind;
}

/** A short name for failure reports. */
export function showToken(token: TokenChoice): string {
  switch (token.kind) {
    case "fresh":
      return `fresh ${token.wrappingAlgorithm}/${token.wrappingKeySpec}`;
    case "forged":
      return `forged <${token.bytes.byteLength} bytes>`;
    default:
      return `${token.kind}#${token.pick}`;
  }
}
