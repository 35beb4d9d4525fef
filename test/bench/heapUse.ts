import { randomBytes } from "node:crypto";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { memoryKeyStore } from "../../src/adapters/memoryKeyStore.js";
import { nodeCrypto } from "../../src/adapters/nodeCrypto.js";
import { createKms } from "../../src/service/createKms.js";
import type { Kms } from "../../src/service/kms.js";
import { testCrypto } from "../../src/testing/testCrypto.js";
import type { TargetCheck } from "./targetCheck.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** The heap used after full garbage collections, in bytes. */
function settledHeap(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

/** Heap bytes per key of one kind, in a memory store. */
export interface HeapPerKeyRow {
  readonly kind: string;
  readonly keys: number;
  readonly bytesPerKey: number;
}

/**
 * Heap bytes per key in `memoryKeyStore` (the store's records and indexes; testCrypto, whose
 * wrapping key pairs are shared, so what is measured is what a key keeps): `EXTERNAL` keys
 * pending import, keys with material, and pending keys holding one RSA_4096 parameter set.
 */
export async function heapPerKey(keys = 2_000): Promise<HeapPerKeyRow[]> {
  const measure = async (kind: string, add: (kms: Kms) => unknown) => {
    const kms = createKms({ crypto: testCrypto(), store: memoryKeyStore() });
    await add(kms); // the first key creates what every later key shares
    const before = settledHeap();
    for (let i = 0; i < keys; i++) await add(kms);
    const bytesPerKey = (settledHeap() - before) / keys;
    return { kind, keys, bytesPerKey, kms };
  };
  const pending = await measure("EXTERNAL, pending import", (kms) =>
    kms.createKey({ Origin: "EXTERNAL" }),
  );
  const withMaterial = await measure("with material (AWS_KMS)", (kms) => kms.createKey({}));
  const withParameters = await measure("pending, one RSA_4096 parameter set", async (kms) => {
    const KeyId = (await kms.createKey({ Origin: "EXTERNAL" }))._unsafeUnwrap().KeyMetadata.KeyId;
    return kms.getParametersForImport({
      KeyId,
      WrappingAlgorithm: "RSAES_OAEP_SHA_256",
      WrappingKeySpec: "RSA_4096",
    });
  });
  return [pending, withMaterial, withParameters].map(({ kind, bytesPerKey }) => ({
    kind,
    keys,
    bytesPerKey,
  }));
}

/** What {@link dataPlaneHeapGrowth} measured. */
export interface HeapGrowth {
  readonly calls: number;
  readonly growthBytes: number;
  readonly check: TargetCheck;
}

/**
 * Heap growth across `calls` data-plane calls (Encrypt and Decrypt in turn, 32 bytes, nodeCrypto,
 * memory store, 100 keys in turn): the heap after full collections, after a warm-up of 10,000
 * calls and at the end. A leak of even a few bytes a call shows as megabytes; the target allows
 * 1 MiB of noise.
 */
export async function dataPlaneHeapGrowth(calls = 1_000_000): Promise<HeapGrowth> {
  const crypto = nodeCrypto({ wrappingKeyPoolSize: 0 });
  const kms = createKms({ crypto, store: memoryKeyStore() });
  const Plaintext = randomBytes(32);
  const keys: { KeyId: string; CiphertextBlob: Uint8Array }[] = [];
  for (let i = 0; i < 100; i++) {
    const KeyId = (await kms.createKey({}))._unsafeUnwrap().KeyMetadata.KeyId;
    const { CiphertextBlob } = (await kms.encrypt({ KeyId, Plaintext }))._unsafeUnwrap();
    keys.push({ KeyId, CiphertextBlob });
  }
  const call = async (i: number) => {
    const key = keys[i % keys.length] as (typeof keys)[number];
    if (i % 2 === 0) (await kms.encrypt({ KeyId: key.KeyId, Plaintext }))._unsafeUnwrap();
    else (await kms.decrypt({ CiphertextBlob: key.CiphertextBlob }))._unsafeUnwrap();
  };
  try {
    for (let i = 0; i < 10_000; i++) await call(i);
    const before = settledHeap();
    for (let i = 0; i < calls; i++) await call(i);
    const growthBytes = settledHeap() - before;
    return {
      calls,
      growthBytes,
      check: {
        target: `No heap growth across ${calls.toLocaleString("en")} data-plane calls (≤ 1 MiB)`,
        measured: `${(growthBytes / 1024).toFixed(0)} KiB`,
        met: growthBytes <= 2 ** 20,
      },
    };
  } finally {
    await crypto.close();
  }
}
