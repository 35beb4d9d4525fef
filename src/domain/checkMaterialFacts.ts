import { err, ok, type Result } from "neverthrow";
import type { KeyRecord } from "./keyRecord.js";
import {
  eccCurves,
  hmacMaterialBytes,
  isEccKeySpec,
  isHmacKeySpec,
  type MaterialFacts,
  rsaModulusBits,
  symmetricKeyMaterialBytes,
} from "./keySpec.js";
import { keySpecOf } from "./keySpecOf.js";
import { type KmsError, kmsError } from "./kmsError.js";

/**
 * Whether unwrapped material fits `key`'s spec (docs/decisions/0002-material-is-exactly-32-bytes.md, docs/decisions/0031-hmac-and-asymmetric-import.md): 32 bytes for a symmetric key,
 * the spec's range of bytes for an HMAC key, a PKCS#8 private key of the spec's modulus length
 * or curve for an RSA or ECC key. The crypto provider reports the facts; this judges them.
 *
 * Errors: `IncorrectKeyMaterialException`, saying what the spec needs and what the material is.
 */
export function checkMaterialFacts(key: KeyRecord, facts: MaterialFacts): Result<void, KmsError> {
  const spec = keySpecOf(key);
  const found = describe(facts);
  const needs = (what: string) =>
    err(
      kmsError(
        "IncorrectKeyMaterialException",
        `Key material for ${article(spec)} ${spec} key must be ${what}; the unwrapped material is ${found}.`,
      ),
    );
  if (spec === "SYMMETRIC_DEFAULT") {
    return facts.kind === "bytes" && facts.byteLength !== symmetricKeyMaterialBytes
      ? err(
          kmsError(
            "IncorrectKeyMaterialException",
            `Key material for a SYMMETRIC_DEFAULT key must be exactly ${symmetricKeyMaterialBytes} bytes; ` +
              `the unwrapped material has ${facts.byteLength}.`,
          ),
        )
      : facts.kind === "bytes"
        ? ok(undefined)
        : needs(`exactly ${symmetricKeyMaterialBytes} bytes`);
  }
  if (isHmacKeySpec(spec)) {
    const { min, max } = hmacMaterialBytes[spec];
    return facts.kind === "bytes" && facts.byteLength >= min && facts.byteLength <= max
      ? ok(undefined)
      : needs(`${min} to ${max} bytes`);
  }
  if (isEccKeySpec(spec)) {
    return facts.kind === "ec" && facts.namedCurve === eccCurves[spec]
      ? ok(undefined)
      : needs(`a PKCS#8 DER EC private key on the curve ${eccCurves[spec]}`);
  }
  const bits = rsaModulusBits[spec];
  return facts.kind === "rsa" && facts.modulusBits === bits
    ? ok(undefined)
    : needs(`a PKCS#8 DER RSA private key with a ${bits}-bit modulus`);
}

function describe(facts: MaterialFacts): string {
  switch (facts.kind) {
    case "bytes":
      return `${facts.byteLength} bytes`;
    case "rsa":
      return `an RSA private key with a ${facts.modulusBits}-bit modulus`;
    case "ec":
      return `an EC private key on the curve ${facts.namedCurve}`;
    case "other-private-key":
      return `a ${facts.keyType} private key`;
    case "not-a-private-key":
      return "not a PKCS#8 DER private key";
  }
}

/** "an" before HMAC_…, RSA_… and ECC_… (as spoken), "a" before SYMMETRIC_DEFAULT. */
export const article = (spec: string) => (/^(HMAC|RSA|ECC)/.test(spec) ? "an" : "a");
