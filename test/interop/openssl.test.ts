import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addDays } from "date-fns";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deriveKeyMaterialId } from "../../src/adapters/deriveKeyMaterialId.js";
import { rsaCryptoProvider } from "../../src/adapters/rsaCryptoProvider.js";
import {
  generateWrappingKey,
  type WrappingKeyObjects,
  type WrappingKeySource,
} from "../../src/adapters/wrappingKeySource.js";
import type { KeyId } from "../../src/domain/keyId.js";
import type {
  SupportedWrappingAlgorithm,
  SupportedWrappingKeySpec,
} from "../../src/domain/wrappingTable.js";
import { expectError, kmsHarness } from "../support/kmsHarness.js";

// The customer side is the real OpenSSL 3 command line, run as AWS documents it; the service
// side is createKms with the production crypto provider (a fresh RSA pair per parameter set).

// nodeCrypto() is rsaCryptoProvider over generateWrappingKey. RSA_3072 and RSA_4096 pairs take
// seconds on a busy machine, so the four that the larger-key tests ask for are started now, in
// parallel on libuv's thread pool while the earlier tests run openssl, and each is handed out
// once; every other parameter set gets a pair generated on demand, as with nodeCrypto().
const headStart = new Map<SupportedWrappingKeySpec, Promise<WrappingKeyObjects>[]>([
  ["RSA_3072", [generateWrappingKey("RSA_3072"), generateWrappingKey("RSA_3072")]],
  ["RSA_4096", [generateWrappingKey("RSA_4096"), generateWrappingKey("RSA_4096")]],
]);
const wrappingKeys: WrappingKeySource = (spec) =>
  headStart.get(spec)?.shift() ?? generateWrappingKey(spec);

let dir = "";
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "kms-byok-openssl-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function openssl(...args: string[]): void {
  execFileSync("/usr/bin/openssl", args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
}

function file(name: string): Buffer {
  return readFileSync(join(dir, name));
}

/** `openssl pkeyutl -encrypt` of `input` with the downloaded DER public key and extra -pkeyopt options. */
function pkeyutlEncrypt(input: string, output: string, pkeyopts: readonly string[]): void {
  openssl(
    "pkeyutl",
    "-encrypt",
    "-in",
    input,
    "-out",
    output,
    "-inkey",
    "PublicKey.bin",
    "-keyform",
    "DER",
    "-pubin",
    "-pkeyopt",
    "rsa_padding_mode:oaep",
    ...pkeyopts.flatMap((option) => ["-pkeyopt", option]),
  );
}

/** An EXTERNAL key on the production crypto, its import parameters written to PublicKey.bin, and fresh material. */
async function prepare(
  WrappingAlgorithm: SupportedWrappingAlgorithm,
  WrappingKeySpec: SupportedWrappingKeySpec = "RSA_2048",
) {
  const harness = kmsHarness({
    crypto: rsaCryptoProvider({ rootKey: randomBytes(32), wrappingKeys }),
  });
  const KeyId = await harness.externalKey();
  const params = (
    await harness.kms.getParametersForImport({
      KeyId,
      WrappingAlgorithm,
      WrappingKeySpec,
    })
  )._unsafeUnwrap();
  writeFileSync(join(dir, "PublicKey.bin"), params.PublicKey);
  openssl("rand", "-out", "PlaintextKeyMaterial.bin", "32");
  const importWrapped = () =>
    harness.kms.importKeyMaterial({
      KeyId,
      ImportToken: params.ImportToken,
      EncryptedKeyMaterial: file("EncryptedKeyMaterial.bin"),
      ExpirationModel: "KEY_MATERIAL_EXPIRES",
      ValidTo: addDays(harness.clock.now(), 30),
    });
  return { ...harness, KeyId, importWrapped };
}

describe("importKeyMaterial", () => {
  it.each([
    ["RSAES_OAEP_SHA_256", "sha256"],
    ["RSAES_OAEP_SHA_1", "sha1"],
  ] as const)(
    "imports 32 bytes that openssl pkeyutl wrapped for %s with rsa_oaep_md:%s, and the key becomes Enabled",
    async (algorithm, digest) => {
      const { KeyId, importWrapped, stateOf } = await prepare(algorithm);
      pkeyutlEncrypt("PlaintextKeyMaterial.bin", "EncryptedKeyMaterial.bin", [
        `rsa_oaep_md:${digest}`,
      ]);
      expect(file("EncryptedKeyMaterial.bin").length).toBe(256);

      const imported = (await importWrapped())._unsafeUnwrap();

      expect(imported.KeyMaterialId).toBe(
        deriveKeyMaterialId(KeyId as KeyId, file("PlaintextKeyMaterial.bin")),
      );
      expect(await stateOf(KeyId)).toBe("Enabled");
    },
  );

  it("returns InvalidCiphertextException when openssl wrapped with its default SHA-1 digest but the token asks for RSAES_OAEP_SHA_256", async () => {
    const { KeyId, importWrapped, stateOf } = await prepare("RSAES_OAEP_SHA_256");
    pkeyutlEncrypt("PlaintextKeyMaterial.bin", "EncryptedKeyMaterial.bin", []);

    expectError(await importWrapped(), "InvalidCiphertextException");
    expect(await stateOf(KeyId)).toBe("PendingImport");
  });

  it("returns InvalidCiphertextException when openssl used OAEP SHA-256 with MGF1 SHA-1 for RSAES_OAEP_SHA_256", async () => {
    const { KeyId, importWrapped, stateOf } = await prepare("RSAES_OAEP_SHA_256");
    pkeyutlEncrypt("PlaintextKeyMaterial.bin", "EncryptedKeyMaterial.bin", [
      "rsa_oaep_md:sha256",
      "rsa_mgf1_md:sha1",
    ]);

    expectError(await importWrapped(), "InvalidCiphertextException");
    expect(await stateOf(KeyId)).toBe("PendingImport");
  });

  /** The documented RSA_AES_KEY_WRAP recipe: KWP of the material under a fresh AES key, then OAEP of that key. */
  function rsaAesRecipe(
    wrapCipher: string,
    iv: string,
    oaepDigests: readonly string[] = ["rsa_oaep_md:sha256", "rsa_mgf1_md:sha256"],
  ): void {
    openssl("rand", "-out", "AesKey.bin", "32");
    openssl(
      "enc",
      wrapCipher,
      "-K",
      file("AesKey.bin").toString("hex"),
      "-iv",
      iv,
      "-in",
      "PlaintextKeyMaterial.bin",
      "-out",
      "WrappedMaterial.bin",
    );
    pkeyutlEncrypt("AesKey.bin", "WrappedAesKey.bin", oaepDigests);
    writeFileSync(
      join(dir, "EncryptedKeyMaterial.bin"),
      Buffer.concat([file("WrappedAesKey.bin"), file("WrappedMaterial.bin")]),
    );
  }

  it("imports material that openssl wrapped with the RSA_AES_KEY_WRAP_SHA_256 recipe (enc -id-aes256-wrap-pad, then pkeyutl OAEP-SHA-256)", async () => {
    const { KeyId, importWrapped, stateOf } = await prepare("RSA_AES_KEY_WRAP_SHA_256");
    rsaAesRecipe("-id-aes256-wrap-pad", "A65959A6");
    expect(file("EncryptedKeyMaterial.bin").length).toBe(296);

    const imported = (await importWrapped())._unsafeUnwrap();

    expect(imported.KeyMaterialId).toBe(
      deriveKeyMaterialId(KeyId as KeyId, file("PlaintextKeyMaterial.bin")),
    );
    expect(await stateOf(KeyId)).toBe("Enabled");
  });

  it("returns InvalidCiphertextException when openssl wrapped the material with RFC 3394 (-id-aes256-wrap) instead of RFC 5649", async () => {
    const { KeyId, importWrapped, stateOf } = await prepare("RSA_AES_KEY_WRAP_SHA_256");
    rsaAesRecipe("-id-aes256-wrap", "A6A6A6A6A6A6A6A6");
    expect(file("EncryptedKeyMaterial.bin").length).toBe(296);

    expectError(await importWrapped(), "InvalidCiphertextException");
    expect(await stateOf(KeyId)).toBe("PendingImport");
  });

  const modulusBytes = { RSA_2048: 256, RSA_3072: 384, RSA_4096: 512 } as const;

  it.each([
    ["RSA_AES_KEY_WRAP_SHA_256", "sha256", "RSA_2048"],
    ["RSA_AES_KEY_WRAP_SHA_1", "sha1", "RSA_2048"],
    ["RSA_AES_KEY_WRAP_SHA_256", "sha256", "RSA_3072"],
    ["RSA_AES_KEY_WRAP_SHA_1", "sha1", "RSA_3072"],
    ["RSA_AES_KEY_WRAP_SHA_256", "sha256", "RSA_4096"],
    ["RSA_AES_KEY_WRAP_SHA_1", "sha1", "RSA_4096"],
  ] as const)(
    "imports material that openssl wrapped with %s (OAEP and MGF1 %s) for %s, and the key then encrypts and decrypts",
    async (algorithm, digest, spec) => {
      const { KeyId, kms, importWrapped, stateOf } = await prepare(algorithm, spec);
      rsaAesRecipe("-id-aes256-wrap-pad", "A65959A6", [
        `rsa_oaep_md:${digest}`,
        `rsa_mgf1_md:${digest}`,
      ]);
      expect(file("WrappedAesKey.bin").length).toBe(modulusBytes[spec]);
      expect(file("EncryptedKeyMaterial.bin").length).toBe(modulusBytes[spec] + 40);

      const imported = (await importWrapped())._unsafeUnwrap();

      expect(imported.KeyMaterialId).toBe(
        deriveKeyMaterialId(KeyId as KeyId, file("PlaintextKeyMaterial.bin")),
      );
      expect(await stateOf(KeyId)).toBe("Enabled");
      const Plaintext = new TextEncoder().encode(`secret wrapped for ${algorithm} ${spec}`);
      const encrypted = (await kms.encrypt({ KeyId, Plaintext }))._unsafeUnwrap();
      expect(Buffer.from(encrypted.CiphertextBlob).includes(Buffer.from(Plaintext))).toBe(false);
      const decrypted = (
        await kms.decrypt({ CiphertextBlob: encrypted.CiphertextBlob })
      )._unsafeUnwrap();
      expect(Buffer.from(decrypted.Plaintext).equals(Buffer.from(Plaintext))).toBe(true);
      expect(decrypted.KeyMaterialId).toBe(imported.KeyMaterialId);
    },
  );

  it("returns InvalidCiphertextException when openssl used OAEP SHA-256 with MGF1 SHA-1 for RSA_AES_KEY_WRAP_SHA_256", async () => {
    const { KeyId, importWrapped, stateOf } = await prepare("RSA_AES_KEY_WRAP_SHA_256");
    rsaAesRecipe("-id-aes256-wrap-pad", "A65959A6", ["rsa_oaep_md:sha256", "rsa_mgf1_md:sha1"]);
    expect(file("EncryptedKeyMaterial.bin").length).toBe(296);

    expectError(await importWrapped(), "InvalidCiphertextException");
    expect(await stateOf(KeyId)).toBe("PendingImport");
  });

  it("returns InvalidCiphertextException when openssl wrapped the AES key with SHA-1 for RSA_AES_KEY_WRAP_SHA_256", async () => {
    const { KeyId, importWrapped, stateOf } = await prepare("RSA_AES_KEY_WRAP_SHA_256");
    rsaAesRecipe("-id-aes256-wrap-pad", "A65959A6", ["rsa_oaep_md:sha1", "rsa_mgf1_md:sha1"]);

    expectError(await importWrapped(), "InvalidCiphertextException");
    expect(await stateOf(KeyId)).toBe("PendingImport");
  });
});
