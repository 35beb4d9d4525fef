import { createPrivateKey, createPublicKey } from "node:crypto";
import type { MaterialFacts } from "../domain/keySpec.js";

/**
 * What unwrapped asymmetric material is: a PKCS#8 DER private key of a type and a size or curve,
 * with its DER SubjectPublicKeyInfo, or not a private key at all. Judging it against the key spec
 * is the domain's part.
 */
export function privateKeyFacts(der: Uint8Array): {
  readonly facts: MaterialFacts;
  readonly publicKey?: Uint8Array;
} {
  let key: ReturnType<typeof createPrivateKey>;
  try {
    key = createPrivateKey({ key: Buffer.from(der), format: "der", type: "pkcs8" });
  } catch {
    return { facts: { kind: "not-a-private-key" } };
  }
  const publicKey = new Uint8Array(createPublicKey(key).export({ type: "spki", format: "der" }));
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === "rsa") {
    return { facts: { kind: "rsa", modulusBits: details.modulusLength ?? 0 }, publicKey };
  }
  if (key.asymmetricKeyType === "ec") {
    return { facts: { kind: "ec", namedCurve: details.namedCurve ?? "unknown" }, publicKey };
  }
  return { facts: { kind: "other-private-key", keyType: key.asymmetricKeyType ?? "unknown" } };
}
