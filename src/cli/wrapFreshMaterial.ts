import { generateKeyPairSync, randomBytes } from "node:crypto";
import {
  eccCurves,
  hmacMaterialBytes,
  isHmacKeySpec,
  isRsaKeySpec,
  type KeySpec,
  rsaModulusBits,
  symmetricKeyMaterialBytes,
} from "../domain/keySpec.js";

/**
 * Fresh key material of a `spec` key, for `kms-byok wrap` without `--key-material`: 32 random
 * bytes for a symmetric key, the spec's shortest length of random bytes for an HMAC key, a new
 * private key of the spec's modulus length or curve, as PKCS#8 DER, for an RSA or ECC key.
 */
export function wrapFreshMaterial(spec: KeySpec): Buffer {
  if (spec === "SYMMETRIC_DEFAULT") return randomBytes(symmetricKeyMaterialBytes);
  if (isHmacKeySpec(spec)) return randomBytes(hmacMaterialBytes[spec].min);
  const { privateKey } = isRsaKeySpec(spec)
    ? generateKeyPairSync("rsa", { modulusLength: rsaModulusBits[spec] })
    : generateKeyPairSync("ec", { namedCurve: eccCurves[spec] });
  return privateKey.export({ format: "der", type: "pkcs8" });
}
