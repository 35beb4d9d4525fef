import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SigningAlgorithm } from "../../src/domain/keyAlgorithms.js";
import type { KeySpec, KeyUsage } from "../../src/domain/keySpec.js";
import { createKms } from "../../src/service/createKms.js";
import { testCrypto } from "../../src/testing/testCrypto.js";
import { importedKeyOfSpec } from "../support/importMaterial.js";
import { expectError } from "../support/kmsHarness.js";

// The other side of HMAC, RSA and ECC keys with imported material (current profile) is the real
// OpenSSL 3 command line: it makes the private keys (genpkey, converted to PKCS#8 DER), checks
// kms-byok's signatures, MACs and ciphertexts with the public key GetPublicKey returns, and makes
// signatures and ciphertexts that kms-byok must accept. The keys are made once for the file.

const kms = createKms({ behaviour: "current", crypto: testCrypto() });

let dir = "";

/** Runs /usr/bin/openssl in the file's directory; returns its stdout, throws unless it exits 0. */
function openssl(...args: string[]): string {
  return execFileSync("/usr/bin/openssl", args, {
    cwd: dir,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Runs openssl that must fail; returns its exit code and stdout. */
function opensslFails(...args: string[]): { status: number | null; stdout: string } {
  try {
    openssl(...args);
  } catch (error) {
    const failed = error as { status: number | null; stdout: string };
    return { status: failed.status, stdout: failed.stdout };
  }
  throw new Error(`openssl ${args.join(" ")} succeeded; it should have failed`);
}

const file = (name: string): Buffer => readFileSync(join(dir, name));
const write = (name: string, bytes: Uint8Array | string): void =>
  writeFileSync(join(dir, name), bytes);

/** An openssl private key imported into kms-byok, and the public key kms-byok gives for it. */
interface ImportedPair {
  readonly KeyId: string;
  /** openssl's PKCS#8 PEM private key. */
  readonly privatePem: string;
  /** GetPublicKey's PublicKey, DER → PEM with `openssl pkey -pubin -inform DER`. */
  readonly publicPem: string;
  /** GetPublicKey's PublicKey as DER. */
  readonly publicDer: Buffer;
  /** `openssl pkey -pubout -outform DER` of the private key. */
  readonly opensslPublicDer: Buffer;
}

/**
 * `openssl genpkey` with `options`, converted to PKCS#8 DER with `openssl pkcs8 -topk8`,
 * imported into a new `KeySpec` key, and GetPublicKey's key written as PEM.
 */
async function opensslKey(
  name: string,
  KeySpec: KeySpec,
  KeyUsage: KeyUsage,
  genpkey: readonly string[],
): Promise<ImportedPair> {
  const privatePem = `${name}.key.pem`;
  openssl("genpkey", ...genpkey, "-out", privatePem);
  openssl(
    "pkcs8",
    "-topk8",
    "-nocrypt",
    "-in",
    privatePem,
    "-outform",
    "DER",
    "-out",
    `${name}.p8.der`,
  );
  openssl(
    "pkey",
    "-in",
    privatePem,
    "-pubout",
    "-outform",
    "DER",
    "-out",
    `${name}.openssl.pub.der`,
  );
  const KeyId = await importedKeyOfSpec(
    kms,
    KeySpec,
    KeyUsage,
    new Uint8Array(file(`${name}.p8.der`)),
  );
  const { PublicKey } = (await kms.getPublicKey({ KeyId }))._unsafeUnwrap();
  write(`${name}.pub.der`, PublicKey);
  openssl("pkey", "-pubin", "-inform", "DER", "-in", `${name}.pub.der`, "-out", `${name}.pub.pem`);
  return {
    KeyId,
    privatePem,
    publicPem: `${name}.pub.pem`,
    publicDer: Buffer.from(PublicKey),
    opensslPublicDer: file(`${name}.openssl.pub.der`),
  };
}

type PairName = "rsa" | "p256" | "p384" | "p521" | "secp256k1";
const pairs = {} as Record<PairName, ImportedPair>;
let rsaEncryption: ImportedPair;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kms-byok-openssl-signatures-"));
  const rsa = ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"];
  const ec = (curve: string) => [
    "-algorithm",
    "EC",
    "-pkeyopt",
    `ec_paramgen_curve:${curve}`,
    "-pkeyopt",
    "ec_param_enc:named_curve",
  ];
  pairs.rsa = await opensslKey("rsa", "RSA_2048", "SIGN_VERIFY", rsa);
  pairs.p256 = await opensslKey("p256", "ECC_NIST_P256", "SIGN_VERIFY", ec("P-256"));
  pairs.p384 = await opensslKey("p384", "ECC_NIST_P384", "SIGN_VERIFY", ec("P-384"));
  pairs.p521 = await opensslKey("p521", "ECC_NIST_P521", "SIGN_VERIFY", ec("P-521"));
  pairs.secp256k1 = await opensslKey(
    "secp256k1",
    "ECC_SECG_P256K1",
    "SIGN_VERIFY",
    ec("secp256k1"),
  );
  rsaEncryption = await opensslKey("rsaenc", "RSA_2048", "ENCRYPT_DECRYPT", rsa);
  write("message.txt", message);
});

afterAll(() => {
  if (dir !== "") rmSync(dir, { recursive: true, force: true });
});

const message = "The quick brown fox jumps over the lazy dog";

/** Every signing algorithm, with the key that offers it and openssl's digest name. */
const signingCases: readonly (readonly [SigningAlgorithm, PairName, string])[] = [
  ["ECDSA_SHA_256", "p256", "sha256"],
  ["ECDSA_SHA_384", "p384", "sha384"],
  ["ECDSA_SHA_512", "p521", "sha512"],
  ["ECDSA_SHA_256", "secp256k1", "sha256"],
  ["RSASSA_PKCS1_V1_5_SHA_256", "rsa", "sha256"],
  ["RSASSA_PKCS1_V1_5_SHA_384", "rsa", "sha384"],
  ["RSASSA_PKCS1_V1_5_SHA_512", "rsa", "sha512"],
  ["RSASSA_PSS_SHA_256", "rsa", "sha256"],
  ["RSASSA_PSS_SHA_384", "rsa", "sha384"],
  ["RSASSA_PSS_SHA_512", "rsa", "sha512"],
];

const isPss = (algorithm: SigningAlgorithm) => algorithm.startsWith("RSASSA_PSS");

/** `openssl dgst` options for the padding of `algorithm`: PSS with a salt as long as the hash. */
const sigopts = (algorithm: SigningAlgorithm): string[] =>
  isPss(algorithm) ? ["-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:digest"] : [];

/** `openssl pkeyutl` options to sign or verify a digest as `algorithm` does. */
const pkeyopts = (algorithm: SigningAlgorithm, digest: string): string[] =>
  algorithm.startsWith("ECDSA")
    ? []
    : [
        "-pkeyopt",
        `digest:${digest}`,
        ...(isPss(algorithm)
          ? ["-pkeyopt", "rsa_padding_mode:pss", "-pkeyopt", "rsa_pss_saltlen:digest"]
          : []),
      ];

/** `openssl dgst -<digest> -binary` of message.txt, written to `name`. */
function opensslDigest(digest: string, name: string): Buffer {
  openssl(`dgst`, `-${digest}`, "-binary", "-out", name, "message.txt");
  return file(name);
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("GetPublicKey of a key openssl made", () => {
  it.each(["rsa", "p256", "p384", "p521", "secp256k1", "rsaenc"] as const)(
    "returns for the imported %s key exactly the SPKI DER that openssl pkey -pubout writes",
    (name) => {
      const pair = name === "rsaenc" ? rsaEncryption : pairs[name];
      expect(pair.publicDer.equals(pair.opensslPublicDer)).toBe(true);
    },
  );
});

describe("kms-byok's signatures, checked by openssl", () => {
  it.each(signingCases)(
    "a %s signature of a RAW message by the imported %s key verifies with openssl dgst -%s -verify and GetPublicKey's key",
    async (SigningAlgorithm, name, digest) => {
      const { KeyId, publicPem } = pairs[name];
      const { Signature } = (
        await kms.sign({ KeyId, Message: utf8(message), MessageType: "RAW", SigningAlgorithm })
      )._unsafeUnwrap();
      const sig = `kms.${SigningAlgorithm}.${name}.raw.sig`;
      write(sig, Signature);

      expect(
        openssl(
          "dgst",
          `-${digest}`,
          "-verify",
          publicPem,
          ...sigopts(SigningAlgorithm),
          "-signature",
          sig,
          "message.txt",
        ),
      ).toBe("Verified OK\n");
    },
  );

  it.each(signingCases)(
    "a %s signature of openssl's digest by the imported %s key (MessageType DIGEST) verifies with openssl pkeyutl -verify and as a signature of the message with openssl dgst -%s",
    async (SigningAlgorithm, name, digest) => {
      const { KeyId, publicPem } = pairs[name];
      const digestFile = `kms.${SigningAlgorithm}.${name}.digest`;
      const Message = opensslDigest(digest, digestFile);
      const { Signature } = (
        await kms.sign({ KeyId, Message, MessageType: "DIGEST", SigningAlgorithm })
      )._unsafeUnwrap();
      const sig = `kms.${SigningAlgorithm}.${name}.digest.sig`;
      write(sig, Signature);

      expect(
        openssl(
          "pkeyutl",
          "-verify",
          "-pubin",
          "-inkey",
          publicPem,
          ...pkeyopts(SigningAlgorithm, digest),
          "-in",
          digestFile,
          "-sigfile",
          sig,
        ),
      ).toBe("Signature Verified Successfully\n");
      expect(
        openssl(
          "dgst",
          `-${digest}`,
          "-verify",
          publicPem,
          ...sigopts(SigningAlgorithm),
          "-signature",
          sig,
          "message.txt",
        ),
      ).toBe("Verified OK\n");
    },
  );

  it("openssl refuses a kms-byok ECDSA signature of another message (Verification failure, exit 1), so the checks above are real", async () => {
    const { KeyId, publicPem } = pairs.p256;
    const { Signature } = (
      await kms.sign({ KeyId, Message: utf8(`${message}.`), SigningAlgorithm: "ECDSA_SHA_256" })
    )._unsafeUnwrap();
    write("kms.other.sig", Signature);

    expect(
      opensslFails(
        "dgst",
        "-sha256",
        "-verify",
        publicPem,
        "-signature",
        "kms.other.sig",
        "message.txt",
      ),
    ).toEqual({ status: 1, stdout: "Verification failure\n" });
  });

  it("openssl refuses a kms-byok RSASSA_PSS_SHA_256 signature checked as PKCS#1 v1.5 (exit 1)", async () => {
    const { KeyId, publicPem } = pairs.rsa;
    const { Signature } = (
      await kms.sign({ KeyId, Message: utf8(message), SigningAlgorithm: "RSASSA_PSS_SHA_256" })
    )._unsafeUnwrap();
    write("kms.pss-as-pkcs1.sig", Signature);

    expect(
      opensslFails(
        "dgst",
        "-sha256",
        "-verify",
        publicPem,
        "-signature",
        "kms.pss-as-pkcs1.sig",
        "message.txt",
      ),
    ).toEqual({ status: 1, stdout: "Verification failure\n" });
  });
});

describe("openssl's signatures, checked by kms-byok Verify", () => {
  it.each(signingCases)(
    "openssl dgst -sign's %s signature with the %s private key verifies as RAW of the message and as DIGEST of openssl dgst -%s -binary",
    async (SigningAlgorithm, name, digest) => {
      const { KeyId, privatePem } = pairs[name];
      const sig = `openssl.${SigningAlgorithm}.${name}.sig`;
      openssl(
        "dgst",
        `-${digest}`,
        "-sign",
        privatePem,
        ...sigopts(SigningAlgorithm),
        "-out",
        sig,
        "message.txt",
      );
      const Signature = new Uint8Array(file(sig));
      const Digest = opensslDigest(digest, `openssl.${SigningAlgorithm}.${name}.digest`);

      for (const [Message, MessageType] of [
        [utf8(message), "RAW"],
        [new Uint8Array(Digest), "DIGEST"],
      ] as const) {
        expect(
          (
            await kms.verify({ KeyId, Message, MessageType, Signature, SigningAlgorithm })
          )._unsafeUnwrap(),
        ).toEqual({
          KeyId: `arn:aws:kms:us-east-1:111122223333:key/${KeyId}`,
          SignatureValid: true,
          SigningAlgorithm,
        });
      }
    },
  );

  it.each(signingCases)(
    "openssl pkeyutl -sign's %s signature of a digest with the %s private key verifies with MessageType DIGEST (openssl dgst -%s -binary)",
    async (SigningAlgorithm, name, digest) => {
      const { KeyId, privatePem } = pairs[name];
      const digestFile = `pkeyutl.${SigningAlgorithm}.${name}.digest`;
      const Message = new Uint8Array(opensslDigest(digest, digestFile));
      const sig = `pkeyutl.${SigningAlgorithm}.${name}.sig`;
      openssl(
        "pkeyutl",
        "-sign",
        "-inkey",
        privatePem,
        ...pkeyopts(SigningAlgorithm, digest),
        "-in",
        digestFile,
        "-out",
        sig,
      );

      const verified = await kms.verify({
        KeyId,
        Message,
        MessageType: "DIGEST",
        Signature: new Uint8Array(file(sig)),
        SigningAlgorithm,
      });

      expect(verified._unsafeUnwrap().SignatureValid).toBe(true);
    },
  );

  it.each([
    ["ECDSA_SHA_384", "p384", "sha384"],
    ["RSASSA_PKCS1_V1_5_SHA_256", "rsa", "sha256"],
    ["RSASSA_PSS_SHA_512", "rsa", "sha512"],
  ] as const)(
    "refuses openssl's %s signature (%s key) of another message with KMSInvalidSignatureException, RAW and DIGEST",
    async (SigningAlgorithm, name, digest) => {
      const { KeyId, privatePem } = pairs[name];
      write("other.txt", `${message}.`);
      const sig = `openssl.other.${SigningAlgorithm}.sig`;
      openssl(
        "dgst",
        `-${digest}`,
        "-sign",
        privatePem,
        ...sigopts(SigningAlgorithm),
        "-out",
        sig,
        "other.txt",
      );
      const Signature = new Uint8Array(file(sig));
      const Digest = new Uint8Array(opensslDigest(digest, `openssl.other.${digest}.digest`));

      for (const [Message, MessageType] of [
        [utf8(message), "RAW"],
        [Digest, "DIGEST"],
      ] as const) {
        expectError(
          await kms.verify({ KeyId, Message, MessageType, Signature, SigningAlgorithm }),
          "KMSInvalidSignatureException",
        );
      }
    },
  );
});

describe("GenerateMac, checked by openssl mac", () => {
  it.each([
    ["HMAC_224", "HMAC_SHA_224", "SHA224", 28],
    ["HMAC_256", "HMAC_SHA_256", "SHA256", 64],
    ["HMAC_384", "HMAC_SHA_384", "SHA384", 48],
    ["HMAC_512", "HMAC_SHA_512", "SHA512", 128],
  ] as const)(
    "an %s key with %s of openssl rand's bytes computes exactly what openssl mac -digest %s HMAC prints, and VerifyMac accepts openssl's MAC",
    async (KeySpec, MacAlgorithm, digest, bytes) => {
      const materialFile = `${KeySpec}.key`;
      openssl("rand", "-out", materialFile, String(bytes));
      const material = file(materialFile);
      const KeyId = await importedKeyOfSpec(
        kms,
        KeySpec,
        "GENERATE_VERIFY_MAC",
        new Uint8Array(material),
      );

      const { Mac } = (
        await kms.generateMac({ KeyId, Message: utf8(message), MacAlgorithm })
      )._unsafeUnwrap();
      const printed = openssl(
        "mac",
        "-digest",
        digest,
        "-macopt",
        `hexkey:${material.toString("hex")}`,
        "-in",
        "message.txt",
        "HMAC",
      );

      expect(printed).toBe(`${Buffer.from(Mac).toString("hex").toUpperCase()}\n`);
      const opensslMac = new Uint8Array(Buffer.from(printed.trim(), "hex"));
      expect(
        (
          await kms.verifyMac({ KeyId, Message: utf8(message), Mac: opensslMac, MacAlgorithm })
        )._unsafeUnwrap().MacValid,
      ).toBe(true);
      expectError(
        await kms.verifyMac({ KeyId, Message: utf8(`${message}.`), Mac: opensslMac, MacAlgorithm }),
        "KMSInvalidMacException",
      );
    },
  );
});

describe("RSA-OAEP with an imported RSA_2048 ENCRYPT_DECRYPT key and openssl pkeyutl", () => {
  const oaepCases = [
    ["RSAES_OAEP_SHA_256", "sha256"],
    ["RSAES_OAEP_SHA_1", "sha1"],
  ] as const;

  const oaepOptions = (digest: string) => [
    "-pkeyopt",
    "rsa_padding_mode:oaep",
    "-pkeyopt",
    `rsa_oaep_md:${digest}`,
    "-pkeyopt",
    `rsa_mgf1_md:${digest}`,
  ];

  it.each(oaepCases)(
    "a ciphertext that openssl pkeyutl -encrypt made with GetPublicKey's DER key decrypts through Decrypt with %s (OAEP and MGF1 %s)",
    async (EncryptionAlgorithm, digest) => {
      const { KeyId } = rsaEncryption;
      const plaintext = `secret for ${EncryptionAlgorithm} from openssl`;
      write(`oaep.${digest}.plain`, plaintext);
      openssl(
        "pkeyutl",
        "-encrypt",
        "-pubin",
        "-keyform",
        "DER",
        "-inkey",
        "rsaenc.pub.der",
        ...oaepOptions(digest),
        "-in",
        `oaep.${digest}.plain`,
        "-out",
        `oaep.${digest}.openssl.bin`,
      );
      const CiphertextBlob = new Uint8Array(file(`oaep.${digest}.openssl.bin`));
      expect(CiphertextBlob).toHaveLength(256);

      const decrypted = (
        await kms.decrypt({ KeyId, CiphertextBlob, EncryptionAlgorithm })
      )._unsafeUnwrap();

      expect(Buffer.from(decrypted.Plaintext).toString("utf8")).toBe(plaintext);
      expect(decrypted).toMatchObject({
        KeyId: `arn:aws:kms:us-east-1:111122223333:key/${KeyId}`,
        EncryptionAlgorithm,
      });
    },
  );

  it.each(oaepCases)(
    "a ciphertext of Encrypt with %s decrypts with openssl pkeyutl -decrypt and the private key (OAEP and MGF1 %s)",
    async (EncryptionAlgorithm, digest) => {
      const { KeyId, privatePem } = rsaEncryption;
      const plaintext = `secret for ${EncryptionAlgorithm} from kms-byok`;
      const { CiphertextBlob } = (
        await kms.encrypt({ KeyId, Plaintext: utf8(plaintext), EncryptionAlgorithm })
      )._unsafeUnwrap();
      write(`oaep.${digest}.kms.bin`, CiphertextBlob);

      openssl(
        "pkeyutl",
        "-decrypt",
        "-inkey",
        privatePem,
        ...oaepOptions(digest),
        "-in",
        `oaep.${digest}.kms.bin`,
        "-out",
        `oaep.${digest}.kms.plain`,
      );

      expect(file(`oaep.${digest}.kms.plain`).toString("utf8")).toBe(plaintext);
    },
  );

  it("refuses with InvalidCiphertextException a ciphertext openssl made with OAEP SHA-256 when Decrypt is told RSAES_OAEP_SHA_1", async () => {
    const { KeyId } = rsaEncryption;
    write("mismatch.plain", "mismatched digest");
    openssl(
      "pkeyutl",
      "-encrypt",
      "-pubin",
      "-keyform",
      "DER",
      "-inkey",
      "rsaenc.pub.der",
      ...oaepOptions("sha256"),
      "-in",
      "mismatch.plain",
      "-out",
      "mismatch.bin",
    );

    expectError(
      await kms.decrypt({
        KeyId,
        CiphertextBlob: new Uint8Array(file("mismatch.bin")),
        EncryptionAlgorithm: "RSAES_OAEP_SHA_1",
      }),
      "InvalidCiphertextException",
    );
  });
});
