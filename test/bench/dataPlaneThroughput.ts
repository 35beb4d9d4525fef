import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { memoryKeyStore } from "../../src/adapters/memoryKeyStore.js";
import { createKms } from "../../src/service/createKms.js";
import { testCrypto } from "../../src/testing/testCrypto.js";
import { throughput } from "./measure.js";

/** Operations per second of one data-plane cell: kms-byok next to bare node:crypto. */
export interface DataPlaneCell {
  readonly operation: "Encrypt" | "Decrypt";
  readonly plaintextBytes: number;
  readonly kmsPerSecond: number;
  readonly barePerSecond: number;
}

/**
 * Encrypt and Decrypt operations per second through `createKms` (memory store, AES-256-GCM under
 * sealed material), next to a bare AES-256-GCM encryption or decryption in `node:crypto`.
 */
export async function dataPlaneThroughput(plaintextBytes: number): Promise<DataPlaneCell[]> {
  const kms = createKms({ crypto: testCrypto(), store: memoryKeyStore() });
  const KeyId = (await kms.createKey({ Origin: "AWS_KMS" }))._unsafeUnwrap().KeyMetadata.KeyId;
  const Plaintext = randomBytes(plaintextBytes);
  const EncryptionContext = { purpose: "bench" };
  const { CiphertextBlob } = (
    await kms.encrypt({ KeyId, Plaintext, EncryptionContext })
  )._unsafeUnwrap();

  const key = randomBytes(32);
  const aad = Buffer.from("purpose=bench");
  const bareEncrypt = () => {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", key, iv).setAAD(aad);
    return Buffer.concat([iv, cipher.update(Plaintext), cipher.final(), cipher.getAuthTag()]);
  };
  const sealed = bareEncrypt();
  const bareDecrypt = () => {
    const decipher = createDecipheriv("aes-256-gcm", key, sealed.subarray(0, 12)).setAAD(aad);
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    return Buffer.concat([
      decipher.update(sealed.subarray(12, sealed.length - 16)),
      decipher.final(),
    ]);
  };

  return [
    {
      operation: "Encrypt",
      plaintextBytes,
      kmsPerSecond: await throughput(async () =>
        (await kms.encrypt({ KeyId, Plaintext, EncryptionContext }))._unsafeUnwrap(),
      ),
      barePerSecond: await throughput(bareEncrypt),
    },
    {
      operation: "Decrypt",
      plaintextBytes,
      kmsPerSecond: await throughput(async () =>
        (await kms.decrypt({ CiphertextBlob, EncryptionContext }))._unsafeUnwrap(),
      ),
      barePerSecond: await throughput(bareDecrypt),
    },
  ];
}
