import {
  constants,
  generateKeyPairSync,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
} from "node:crypto";
import { nodeCrypto } from "../../src/adapters/nodeCrypto.js";
import { type SupportedWrappingKeySpec, wrappingKeyBits } from "../../src/domain/wrappingTable.js";
import { createKms } from "../../src/service/createKms.js";
import { importMaterial } from "../support/importMaterial.js";
import { type Latency, sampleLatency } from "./measure.js";

const algorithm = "RSAES_OAEP_SHA_256";

/** A KMS on `nodeCrypto` with a pool of `poolSize` pairs per spec, and one EXTERNAL key maker. */
function setUp(poolSize: number) {
  const crypto = nodeCrypto({ wrappingKeyPoolSize: poolSize });
  const kms = createKms({ crypto });
  const externalKey = async () =>
    (await kms.createKey({ Origin: "EXTERNAL" }))._unsafeUnwrap().KeyMetadata.KeyId;
  return { crypto, kms, externalKey };
}

/**
 * GetParametersForImport latency for `spec`: with a warm pool (refilled, untimed, before each
 * call) or generating a key pair per call as every other emulator does.
 */
export async function getParametersLatency(
  spec: SupportedWrappingKeySpec,
  mode: "warm pool" | "per call",
  samples: number,
): Promise<Latency> {
  const { crypto, kms, externalKey } = setUp(mode === "warm pool" ? 3 : 0);
  const KeyId = await externalKey();
  try {
    return await sampleLatency(
      samples,
      async () =>
        (
          await kms.getParametersForImport({
            KeyId,
            WrappingAlgorithm: algorithm,
            WrappingKeySpec: spec,
          })
        )._unsafeUnwrap(),
      () => crypto.prefill(mode === "warm pool" ? [spec] : []),
      mode === "warm pool" ? 3 : 1,
    );
  } finally {
    await crypto.close();
  }
}

/** One whole import with a warm pool: GetParametersForImport, wrapping 32 bytes, ImportKeyMaterial. */
export async function fullImportLatency(
  spec: SupportedWrappingKeySpec,
  samples: number,
): Promise<Latency> {
  const { crypto, kms, externalKey } = setUp(3);
  let KeyId = "";
  try {
    return await sampleLatency(
      samples,
      async () =>
        (
          await importMaterial(kms, KeyId, randomBytes(32), {
            WrappingAlgorithm: algorithm,
            WrappingKeySpec: spec,
          })
        )._unsafeUnwrap(),
      async () => {
        await crypto.prefill([spec]);
        KeyId = await externalKey();
      },
    );
  } finally {
    await crypto.close();
  }
}

/** `crypto.privateDecrypt` (RSA-OAEP-SHA-256, KeyObject) of a 32-byte secret: what an import cannot avoid. */
export async function bareRsaDecryptLatency(
  spec: SupportedWrappingKeySpec,
  samples: number,
): Promise<Latency> {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", {
    modulusLength: wrappingKeyBits[spec],
  });
  const oaep = { padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" };
  const wrapped = publicEncrypt({ key: publicKey, ...oaep }, randomBytes(32));
  return sampleLatency(samples, async () => privateDecrypt({ key: privateKey, ...oaep }, wrapped));
}
