import { constants, createHash, createPublicKey, verify } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { wrapKeyMaterial } from "../../src/client/wrapKeyMaterial.js";
import { createKms } from "../../src/service/createKms.js";
import type { Kms } from "../../src/service/kms.js";
import { SpecMaterials } from "../../src/testing/commands/specMaterials.js";
import { manualClock } from "../../src/testing/manualClock.js";
import {
  algorithmsOf,
  hashOf,
  type ModelKeyKind,
  modelKeyKinds,
} from "../../src/testing/model/modelKeyKinds.js";
import { testCrypto } from "../../src/testing/testCrypto.js";

// Law (docs/decisions/0031-hmac-and-asymmetric-import.md): a signature verifies with
// GetPublicKey's key outside kms-byok. For every signing key spec and each of its algorithms, a
// message signed by kms-byok, as itself (RAW) or as its digest (DIGEST), verifies with Node's
// crypto given nothing but the DER SubjectPublicKeyInfo that GetPublicKey returns: RSASSA-PSS
// with a salt exactly as long as the hash, RSASSA-PKCS1-v1_5, and DER-encoded ECDSA.

const signingKinds = modelKeyKinds.filter((kind) => kind.usage === "SIGN_VERIFY");
const materials = new SpecMaterials(15);

/** A kms-byok of the current profile holding an imported signing key of `kind`; its key ID. */
async function signingKey(kind: ModelKeyKind): Promise<{ kms: Kms; KeyId: string }> {
  const kms = createKms({ behaviour: "current", clock: manualClock(), crypto: testCrypto() });
  const { KeyId } = (
    await kms.createKey({ Origin: "EXTERNAL", KeySpec: kind.spec, KeyUsage: kind.usage })
  )._unsafeUnwrap().KeyMetadata;
  const WrappingAlgorithm = "RSA_AES_KEY_WRAP_SHA_256";
  const { ImportToken, PublicKey } = (
    await kms.getParametersForImport({ KeyId, WrappingAlgorithm, WrappingKeySpec: "RSA_2048" })
  )._unsafeUnwrap();
  const [material] = (await materials.of(kind.spec)).pool;
  if (material === undefined) throw new Error(`no ${kind.spec} material`);
  const EncryptedKeyMaterial = wrapKeyMaterial({
    publicKey: PublicKey,
    wrappingAlgorithm: WrappingAlgorithm,
    keyMaterial: material.bytes,
  })._unsafeUnwrap();
  (
    await kms.importKeyMaterial({
      KeyId,
      ImportToken,
      EncryptedKeyMaterial,
      ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE",
    })
  )._unsafeUnwrap();
  return { kms, KeyId };
}

describe.each(signingKinds.map((kind) => [kind.spec, kind] as const))(
  "a %s signing key",
  (_spec, kind) => {
    let key: { kms: Kms; KeyId: string };
    beforeAll(async () => {
      key = await signingKey(kind);
    }, 60_000);

    const algorithms = algorithmsOf(kind).SigningAlgorithms ?? [];
    it.each(
      algorithms.flatMap((algorithm) => [
        [algorithm, "RAW"] as const,
        [algorithm, "DIGEST"] as const,
      ]),
    )(
      "signs with %s (%s) what Node verifies with GetPublicKey's key alone",
      async (SigningAlgorithm, MessageType) => {
        const { kms, KeyId } = key;
        const published = (await kms.getPublicKey({ KeyId }))._unsafeUnwrap();
        expect(published.SigningAlgorithms).toContain(SigningAlgorithm);
        const publicKey = createPublicKey({
          key: Buffer.from(published.PublicKey),
          format: "der",
          type: "spki",
        });
        const hash = hashOf(SigningAlgorithm);
        const options = SigningAlgorithm.startsWith("RSASSA_PSS")
          ? {
              key: publicKey,
              padding: constants.RSA_PKCS1_PSS_PADDING,
              saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
            }
          : publicKey;
        await fc.assert(
          fc.asyncProperty(
            fc.uint8Array({ minLength: 1, maxLength: 4096, size: "medium" }),
            async (message) => {
              const Message =
                MessageType === "RAW" ? message : createHash(hash).update(message).digest();
              const { Signature } = (
                await kms.sign({ KeyId, Message, MessageType, SigningAlgorithm })
              )._unsafeUnwrap();
              expect(verify(hash, message, options, Signature)).toBe(true);
            },
          ),
          { numRuns: 10 },
        );
      },
    );
  },
);
