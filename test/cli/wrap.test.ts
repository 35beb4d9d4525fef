import { execFileSync } from "node:child_process";
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from "node:crypto";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { unwrapKeyMaterial } from "../../src/adapters/unwrapKeyMaterial.js";
import { wrapAlgorithms, wrapCommand, wrapKeySpecs } from "../../src/cli/wrapCommand.js";
import {
  eccCurves,
  hmacMaterialBytes,
  isEccKeySpec,
  isHmacKeySpec,
  isRsaKeySpec,
  type KeySpec,
  rsaModulusBits,
} from "../../src/domain/keySpec.js";
import type {
  SupportedWrappingAlgorithm,
  WrappingAlgorithm,
} from "../../src/domain/wrappingTable.js";
import { createKms } from "../../src/service/createKms.js";
import { testCrypto } from "../../src/testing/testCrypto.js";
import { runInProcess } from "./captureIo.js";
import { kmsByokIn } from "./kmsByok.js";

const kms = createKms({ crypto: testCrypto() });

async function importParameters(WrappingAlgorithm: WrappingAlgorithm) {
  const created = (await kms.createKey({ Origin: "EXTERNAL" }))._unsafeUnwrap();
  const KeyId = created.KeyMetadata.KeyId;
  const params = await kms.getParametersForImport({
    KeyId,
    WrappingAlgorithm,
    WrappingKeySpec: "RSA_2048",
  });
  return { ...params._unsafeUnwrap(), KeyId };
}

const importFile = (KeyId: string, ImportToken: Uint8Array, path: string) =>
  kms.importKeyMaterial({
    KeyId,
    ImportToken,
    EncryptedKeyMaterial: new Uint8Array(readFileSync(path)),
    ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE",
  });

const keyState = async (KeyId: string) =>
  (await kms.describeKey({ KeyId }))._unsafeUnwrap().KeyMetadata.KeyState;

const freshDirectory = () => mkdtempSync(join(tmpdir(), "kms-byok-wrap-"));

const wrap = (...args: string[]) => runInProcess(args, wrapCommand);

describe("kms-byok wrap", () => {
  it.each(wrapAlgorithms)(
    "writes EncryptedKeyMaterial.bin for %s from PublicKey.bin, and ImportKeyMaterial accepts it",
    async (algorithm) => {
      const { KeyId, PublicKey, ImportToken } = await importParameters(algorithm);
      const directory = freshDirectory();
      writeFileSync(join(directory, "PublicKey.bin"), PublicKey);

      const run = await kmsByokIn(
        directory,
        "wrap",
        "--public-key",
        "PublicKey.bin",
        "--wrapping-algorithm",
        algorithm,
      );

      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`with ${algorithm} and the 2048-bit RSA public key`);
      expect(run.stdout).toContain("wrote EncryptedKeyMaterial.bin (");
      expect(readdirSync(directory).sort()).toEqual(["EncryptedKeyMaterial.bin", "PublicKey.bin"]);
      const imported = await importFile(
        KeyId,
        ImportToken,
        join(directory, "EncryptedKeyMaterial.bin"),
      );
      expect(imported).toBeOk();
      expect(await keyState(KeyId)).toBe("Enabled");
    },
  );

  it("exits 2 and writes no file when the key material is not 32 bytes", async () => {
    const { PublicKey } = await importParameters("RSAES_OAEP_SHA_256");
    const directory = freshDirectory();
    writeFileSync(join(directory, "PublicKey.bin"), PublicKey);
    writeFileSync(join(directory, "material.bin"), randomBytes(16));

    const run = await kmsByokIn(
      directory,
      "wrap",
      "--public-key",
      "PublicKey.bin",
      "--key-material",
      "material.bin",
      "--save-key-material",
      "copy.bin",
    );

    expect(run).toMatchObject({ code: 2, stdout: "" });
    expect(run.stderr).toMatch(/^kms-byok wrap: --key-material material\.bin: is 16 bytes; /);
    expect(readdirSync(directory).sort()).toEqual(["PublicKey.bin", "material.bin"]);
  });

  it("reads the public key as the base64 text of the JSON output, quoted or not", async () => {
    for (const text of [
      (key: Uint8Array) => `${Buffer.from(key).toString("base64")}\n`,
      (key: Uint8Array) => `"${Buffer.from(key).toString("base64")}"\n`,
    ]) {
      const { KeyId, PublicKey, ImportToken } = await importParameters("RSAES_OAEP_SHA_256");
      const directory = freshDirectory();
      writeFileSync(join(directory, "PublicKey.b64"), text(PublicKey));
      const out = join(directory, "out.bin");

      const run = await wrap("--public-key", join(directory, "PublicKey.b64"), "--out", out);

      expect(run.code).toBe(0);
      expect(run.stdout).toContain("PublicKey.b64 (base64)");
      expect(await importFile(KeyId, ImportToken, out)).toBeOk();
    }
  });

  it("reads a PEM public key", async () => {
    const { KeyId, PublicKey, ImportToken } = await importParameters("RSAES_OAEP_SHA_256");
    const directory = freshDirectory();
    const pem = createPublicKey({ key: Buffer.from(PublicKey), format: "der", type: "spki" })
      .export({ type: "spki", format: "pem" })
      .toString();
    writeFileSync(join(directory, "PublicKey.pem"), pem);
    const out = join(directory, "out.bin");

    expect((await wrap("--public-key", join(directory, "PublicKey.pem"), "--out", out)).code).toBe(
      0,
    );
    expect(await importFile(KeyId, ImportToken, out)).toBeOk();
  });

  it("wraps with RSAES_OAEP_SHA_256 when no algorithm is given", async () => {
    const { KeyId, PublicKey, ImportToken } = await importParameters("RSAES_OAEP_SHA_256");
    const directory = freshDirectory();
    writeFileSync(join(directory, "PublicKey.bin"), PublicKey);
    const out = join(directory, "out.bin");

    const run = await wrap("--public-key", join(directory, "PublicKey.bin"), "--out", out);

    expect(run.stdout).toContain("with RSAES_OAEP_SHA_256");
    expect(await importFile(KeyId, ImportToken, out)).toBeOk();
  });

  it("saves the generated material (32 bytes, mode 0600), and that material restores the key after DeleteImportedKeyMaterial", async () => {
    const first = await importParameters("RSAES_OAEP_SHA_256");
    const directory = freshDirectory();
    const publicKey = join(directory, "PublicKey.bin");
    const material = join(directory, "PlaintextKeyMaterial.bin");
    writeFileSync(publicKey, first.PublicKey);

    const run = await wrap(
      "--public-key",
      publicKey,
      "--save-key-material",
      material,
      "--out",
      join(directory, "first.bin"),
    );

    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`wrote ${material} (32 bytes, mode 0600)`);
    expect(run.stderr).toBe("");
    expect(statSync(material).size).toBe(32);
    expect(statSync(material).mode & 0o777).toBe(0o600);
    const imported = await importFile(first.KeyId, first.ImportToken, join(directory, "first.bin"));
    const { KeyMaterialId } = imported._unsafeUnwrap();

    (await kms.deleteImportedKeyMaterial({ KeyId: first.KeyId }))._unsafeUnwrap();
    expect(await keyState(first.KeyId)).toBe("PendingImport");
    const again = await kms.getParametersForImport({
      KeyId: first.KeyId,
      WrappingAlgorithm: "RSA_AES_KEY_WRAP_SHA_256",
      WrappingKeySpec: "RSA_2048",
    });
    const { PublicKey, ImportToken } = again._unsafeUnwrap();
    writeFileSync(publicKey, PublicKey);
    const rewrap = await wrap(
      "--public-key",
      publicKey,
      "--wrapping-algorithm",
      "RSA_AES_KEY_WRAP_SHA_256",
      "--key-material",
      material,
      "--out",
      join(directory, "second.bin"),
    );

    expect(rewrap.code).toBe(0);
    expect(rewrap.stdout).toContain(`32 bytes of key material (from ${material})`);
    const reimported = await importFile(first.KeyId, ImportToken, join(directory, "second.bin"));
    expect(reimported._unsafeUnwrap().KeyMaterialId).toBe(KeyMaterialId);
    expect(await keyState(first.KeyId)).toBe("Enabled");
  });

  it("warns on stderr when generated material is not saved", async () => {
    const { PublicKey } = await importParameters("RSAES_OAEP_SHA_256");
    const directory = freshDirectory();
    writeFileSync(join(directory, "PublicKey.bin"), PublicKey);

    const run = await wrap(
      "--public-key",
      join(directory, "PublicKey.bin"),
      "--out",
      join(directory, "out.bin"),
    );

    expect(run.code).toBe(0);
    expect(run.stderr).toContain("the generated key material was not saved");
  });

  it("never overwrites an existing --save-key-material file, and writes nothing", async () => {
    const { PublicKey } = await importParameters("RSAES_OAEP_SHA_256");
    const directory = freshDirectory();
    writeFileSync(join(directory, "PublicKey.bin"), PublicKey);
    const kept = randomBytes(32);
    writeFileSync(join(directory, "material.bin"), kept);

    const run = await wrap(
      "--public-key",
      join(directory, "PublicKey.bin"),
      "--save-key-material",
      join(directory, "material.bin"),
      "--out",
      join(directory, "out.bin"),
    );

    expect(run.code).toBe(2);
    expect(run.stderr).toContain("the file already exists; kms-byok never overwrites key material");
    expect(readFileSync(join(directory, "material.bin"))).toEqual(kept);
    expect(readdirSync(directory).sort()).toEqual(["PublicKey.bin", "material.bin"]);
  });

  describe("exits 2 and writes no file", () => {
    let rsaPublicKey: Uint8Array;
    beforeAll(async () => {
      rsaPublicKey = (await importParameters("RSAES_OAEP_SHA_256")).PublicKey;
    });

    const ecPublicKey = () =>
      generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({
        type: "spki",
        format: "der",
      });
    const smallRsaPublicKey = () =>
      generateKeyPairSync("rsa", { modulusLength: 512 }).publicKey.export({
        type: "spki",
        format: "der",
      });

    type Inputs = Record<string, Uint8Array | string>;
    const fileOptions = new Set(["--public-key", "--key-material", "--save-key-material", "--out"]);
    it.each<[string, () => Inputs, string[], RegExp]>([
      [
        "without --public-key",
        () => ({}),
        [],
        /^kms-byok wrap: --public-key FILE is required\n\nUsage:/,
      ],
      [
        "for a missing public key file",
        () => ({}),
        ["--public-key", "PublicKey.bin"],
        /--public-key \S+PublicKey\.bin: no such file or directory\n$/,
      ],
      [
        "for an empty public key file",
        () => ({ "PublicKey.bin": "" }),
        ["--public-key", "PublicKey.bin"],
        /--public-key \S+PublicKey\.bin: is empty; expected the PublicKey/,
      ],
      [
        "for a file that holds no public key",
        () => ({ "PublicKey.bin": randomBytes(300) }),
        ["--public-key", "PublicKey.bin"],
        /PublicKey\.bin: is not a public key; expected the PublicKey of get-parameters-for-import/,
      ],
      [
        "for an EC public key",
        () => ({ "PublicKey.bin": ecPublicKey() }),
        ["--public-key", "PublicKey.bin"],
        /PublicKey\.bin: is not an RSA public key \(its type is ec\)/,
      ],
      [
        "for an RSA key too small to wrap 32 bytes with RSAES_OAEP_SHA_256",
        () => ({ "PublicKey.bin": smallRsaPublicKey() }),
        ["--public-key", "PublicKey.bin"],
        /^kms-byok wrap: ValidationException: 32 bytes of key material are too many for RSAES_OAEP_SHA_256/,
      ],
      [
        "for an algorithm kms-byok cannot wrap with",
        () => ({ "PublicKey.bin": rsaPublicKey }),
        ["--public-key", "PublicKey.bin", "--wrapping-algorithm", "RSAES_PKCS1_V1_5"],
        /--wrapping-algorithm RSAES_PKCS1_V1_5: not supported; use RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256, RSA_AES_KEY_WRAP_SHA_1, RSA_AES_KEY_WRAP_SHA_256\n$/,
      ],
      [
        "for 31 bytes of key material",
        () => ({ "PublicKey.bin": rsaPublicKey, "material.bin": randomBytes(31) }),
        ["--public-key", "PublicKey.bin", "--key-material", "material.bin"],
        /material\.bin: is 31 bytes; the key material of a symmetric KMS key is exactly 32 raw bytes\n$/,
      ],
      [
        "for 33 bytes of key material",
        () => ({ "PublicKey.bin": rsaPublicKey, "material.bin": randomBytes(33) }),
        ["--public-key", "PublicKey.bin", "--key-material", "material.bin"],
        /material\.bin: is 33 bytes; the key material of a symmetric KMS key is exactly 32 raw bytes\n$/,
      ],
      [
        "for key material written as hex text",
        () => ({
          "PublicKey.bin": rsaPublicKey,
          "material.hex": `${randomBytes(32).toString("hex")}\n`,
        }),
        ["--public-key", "PublicKey.bin", "--key-material", "material.hex"],
        /material\.hex: is 65 bytes; .* \(it looks like text: decode hex or base64 to raw bytes first\)\n$/,
      ],
      [
        "for key material written as base64 text",
        () => ({
          "PublicKey.bin": rsaPublicKey,
          "material.b64": randomBytes(21).toString("base64"),
        }),
        ["--public-key", "PublicKey.bin", "--key-material", "material.b64"],
        /material\.b64: is 28 bytes; .* \(it looks like text: decode hex or base64 to raw bytes first\)\n$/,
      ],
      [
        "when --out is in a missing directory, removing the material it saved",
        () => ({ "PublicKey.bin": rsaPublicKey }),
        [
          "--public-key",
          "PublicKey.bin",
          "--save-key-material",
          "saved.bin",
          "--out",
          "missing/out.bin",
        ],
        /--out \S+missing\/out\.bin: no such file or directory\n$/,
      ],
      [
        "when --out would replace the key material",
        () => ({ "PublicKey.bin": rsaPublicKey, "material.bin": randomBytes(32) }),
        [
          "--public-key",
          "PublicKey.bin",
          "--key-material",
          "material.bin",
          "--out",
          "material.bin",
        ],
        /--key-material and --out name the same file/,
      ],
      [
        "for an unknown option",
        () => ({ "PublicKey.bin": rsaPublicKey }),
        ["--public-key", "PublicKey.bin", "--material", "x"],
        /^kms-byok wrap: Unknown option '--material'\n\nUsage: kms-byok wrap/,
      ],
    ])("%s", async (_, inputs, args, message) => {
      const directory = freshDirectory();
      const files = inputs();
      for (const [name, content] of Object.entries(files))
        writeFileSync(join(directory, name), content);
      const inDirectory = args.map((arg, i) =>
        fileOptions.has(args[i - 1] ?? "") ? join(directory, arg) : arg,
      );

      const run = await wrap(...inDirectory);

      expect(run).toMatchObject({ code: 2, stdout: "" });
      expect(run.stderr).toMatch(message);
      expect(readdirSync(directory).sort()).toEqual(Object.keys(files).sort());
    });
  });

  it("leaves no temporary file behind when the output directory cannot be written", async () => {
    const { PublicKey } = await importParameters("RSAES_OAEP_SHA_256");
    const directory = freshDirectory();
    writeFileSync(join(directory, "PublicKey.bin"), PublicKey);
    mkdirSync(join(directory, "out.bin"));

    const run = await wrap(
      "--public-key",
      join(directory, "PublicKey.bin"),
      "--out",
      join(directory, "out.bin"),
    );

    expect(run.code).toBe(2);
    expect(run.stderr).toContain("out.bin: ");
    expect(readdirSync(directory).sort()).toEqual(["PublicKey.bin", "out.bin"]);
    expect(readdirSync(join(directory, "out.bin"))).toEqual([]);
  });
});

describe("kms-byok wrap --key-spec", () => {
  // A wrapping key of the test's own, so that the test can unwrap what wrap wrote.
  const wrappingKey = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const wrappingPublicKey = wrappingKey.publicKey.export({ type: "spki", format: "der" });

  const unwrapFile = (wrappingAlgorithm: SupportedWrappingAlgorithm, path: string) =>
    unwrapKeyMaterial(
      wrappingKey.privateKey,
      { wrappingAlgorithm, wrappingKeySpec: "RSA_2048" },
      readFileSync(path),
    )._unsafeUnwrap();

  /** The DER inside a PEM file, byte for byte. */
  const pemBody = (pem: string) => Buffer.from(pem.replace(/-----[A-Z ]+-----|\s+/g, ""), "base64");

  /** What a saved material file is, in the terms of the key spec tables. */
  function factsOf(saved: Buffer, spec: KeySpec): string {
    if (spec === "SYMMETRIC_DEFAULT" || isHmacKeySpec(spec)) return `${saved.byteLength} bytes`;
    const key = createPrivateKey({ key: saved, format: "pem" });
    return key.asymmetricKeyType === "rsa"
      ? `rsa ${key.asymmetricKeyDetails?.modulusLength}`
      : `${key.asymmetricKeyType} ${key.asymmetricKeyDetails?.namedCurve}`;
  }

  const expectedFacts = (spec: KeySpec) =>
    spec === "SYMMETRIC_DEFAULT"
      ? "32 bytes"
      : isHmacKeySpec(spec)
        ? `${hmacMaterialBytes[spec].min} bytes`
        : isRsaKeySpec(spec)
          ? `rsa ${rsaModulusBits[spec]}`
          : `ec ${eccCurves[spec]}`;

  const algorithmFor: Readonly<Record<KeySpec, SupportedWrappingAlgorithm>> = {
    SYMMETRIC_DEFAULT: "RSAES_OAEP_SHA_256",
    HMAC_224: "RSAES_OAEP_SHA_1",
    HMAC_256: "RSA_AES_KEY_WRAP_SHA_256",
    HMAC_384: "RSAES_OAEP_SHA_256",
    HMAC_512: "RSA_AES_KEY_WRAP_SHA_1",
    // RSA private keys fit RSA_AES_KEY_WRAP_* only; RSA_4096 is generated here and nowhere else.
    RSA_2048: "RSA_AES_KEY_WRAP_SHA_256",
    RSA_3072: "RSA_AES_KEY_WRAP_SHA_1",
    RSA_4096: "RSA_AES_KEY_WRAP_SHA_256",
    ECC_NIST_P256: "RSAES_OAEP_SHA_256",
    ECC_NIST_P384: "RSAES_OAEP_SHA_1",
    // 241 bytes of PKCS#8: more than RSA-OAEP holds with an RSA_2048 wrapping key.
    ECC_NIST_P521: "RSA_AES_KEY_WRAP_SHA_256",
    ECC_SECG_P256K1: "RSAES_OAEP_SHA_256",
  };

  it("names every key spec AWS KMS imports material for", () => {
    expect(wrapKeySpecs).toEqual(Object.keys(algorithmFor));
  });

  it.each(wrapKeySpecs)(
    "generates %s material, saves it, and wraps exactly what it saved",
    async (spec) => {
      const algorithm = algorithmFor[spec];
      const directory = freshDirectory();
      writeFileSync(join(directory, "PublicKey.bin"), wrappingPublicKey);
      const saved = join(directory, "saved");
      const out = join(directory, "out.bin");

      const run = await wrap(
        "--public-key",
        join(directory, "PublicKey.bin"),
        "--key-spec",
        spec,
        "--wrapping-algorithm",
        algorithm,
        "--save-key-material",
        saved,
        "--out",
        out,
      );

      expect(run).toMatchObject({ code: 0, stderr: "" });
      const savedBytes = readFileSync(saved);
      expect(statSync(saved).mode & 0o777).toBe(0o600);
      expect(factsOf(savedBytes, spec)).toBe(expectedFacts(spec));
      const unwrapped = unwrapFile(algorithm, out);
      if (isRsaKeySpec(spec) || isEccKeySpec(spec)) {
        expect(savedBytes.toString()).toMatch(
          /^-----BEGIN PRIVATE KEY-----\n[A-Za-z0-9+/=\n]+\n-----END PRIVATE KEY-----\n$/,
        );
        expect(unwrapped).toEqual(pemBody(savedBytes.toString()));
        expect(run.stdout).toContain(
          `wrapped an ${spec} private key (${unwrapped.byteLength} bytes of PKCS#8 DER, generated) with ${algorithm}`,
        );
        expect(run.stdout).toContain(
          `wrote ${saved} (${savedBytes.byteLength} bytes of PKCS#8 PEM, mode 0600): the plaintext private key`,
        );
      } else {
        expect(unwrapped).toEqual(savedBytes);
        const named = spec === "SYMMETRIC_DEFAULT" ? "" : `${spec} `;
        expect(run.stdout).toContain(
          `wrapped ${savedBytes.byteLength} bytes of ${named}key material (generated) with ${algorithm}`,
        );
        expect(run.stdout).toContain(
          `wrote ${saved} (${savedBytes.byteLength} bytes, mode 0600): the plaintext key material`,
        );
      }
    },
  );

  describe("reads --key-material", () => {
    // Keys made by openssl, not by node, so that the formats are the ones users have.
    const keys: Record<string, Buffer> = {};
    beforeAll(() => {
      const directory = freshDirectory();
      const openssl = (...args: string[]) =>
        execFileSync("openssl", args, { cwd: directory, stdio: ["ignore", "pipe", "pipe"] });
      openssl(
        "genpkey",
        "-algorithm",
        "EC",
        "-pkeyopt",
        "ec_paramgen_curve:P-384",
        "-out",
        "p384.pem",
      );
      openssl(
        "pkcs8",
        "-topk8",
        "-nocrypt",
        "-in",
        "p384.pem",
        "-outform",
        "DER",
        "-out",
        "p384.der",
      );
      openssl("pkey", "-in", "p384.pem", "-pubout", "-out", "p384-public.pem");
      openssl("genrsa", "-traditional", "-out", "rsa2048.pem", "2048");
      openssl(
        "pkcs8",
        "-topk8",
        "-nocrypt",
        "-in",
        "rsa2048.pem",
        "-outform",
        "DER",
        "-out",
        "rsa2048.der",
      );
      // genpkey writes DER in the traditional SEC1 form, not PKCS#8.
      openssl(
        "genpkey",
        "-algorithm",
        "EC",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-outform",
        "DER",
        "-out",
        "p256.sec1",
      );
      openssl(
        "pkcs8",
        "-topk8",
        "-nocrypt",
        "-inform",
        "DER",
        "-in",
        "p256.sec1",
        "-outform",
        "DER",
        "-out",
        "p256.der",
      );
      openssl(
        "genpkey",
        "-algorithm",
        "EC",
        "-pkeyopt",
        "ec_paramgen_curve:P-384",
        "-aes256",
        "-pass",
        "pass:secret",
        "-out",
        "encrypted.pem",
      );
      for (const name of readdirSync(directory)) keys[name] = readFileSync(join(directory, name));
    });

    const key = (name: string) => {
      const found = keys[name];
      if (found === undefined) throw new Error(`no key ${name}`);
      return found;
    };

    it.each<[string, string, KeySpec, SupportedWrappingAlgorithm, () => Buffer]>([
      [
        "a PKCS#8 PEM EC P-384 key from openssl genpkey, wrapping its DER byte for byte",
        "p384.pem",
        "ECC_NIST_P384",
        "RSAES_OAEP_SHA_256",
        () => pemBody(key("p384.pem").toString()),
      ],
      [
        "a PKCS#8 DER EC P-384 key from openssl pkcs8 -topk8, byte for byte",
        "p384.der",
        "ECC_NIST_P384",
        "RSA_AES_KEY_WRAP_SHA_1",
        () => key("p384.der"),
      ],
      [
        "a traditional PEM RSA key from openssl genrsa -traditional, as the PKCS#8 openssl pkcs8 -topk8 makes of it",
        "rsa2048.pem",
        "RSA_2048",
        "RSA_AES_KEY_WRAP_SHA_256",
        () => key("rsa2048.der"),
      ],
      [
        "a traditional SEC1 DER EC key from openssl genpkey -outform DER, as the PKCS#8 openssl pkcs8 -topk8 makes of it",
        "p256.sec1",
        "ECC_NIST_P256",
        "RSAES_OAEP_SHA_1",
        () => key("p256.der"),
      ],
    ])("%s", async (_, file, spec, algorithm, expected) => {
      const directory = freshDirectory();
      writeFileSync(join(directory, "PublicKey.bin"), wrappingPublicKey);
      writeFileSync(join(directory, file), key(file));
      const saved = join(directory, "saved.pem");
      const out = join(directory, "out.bin");

      const run = await wrap(
        "--public-key",
        join(directory, "PublicKey.bin"),
        "--key-spec",
        spec,
        "--wrapping-algorithm",
        algorithm,
        "--key-material",
        join(directory, file),
        "--save-key-material",
        saved,
        "--out",
        out,
      );

      expect(run).toMatchObject({ code: 0, stderr: "" });
      expect(run.stdout).toContain(
        `wrapped an ${spec} private key (${expected().byteLength} bytes of PKCS#8 DER, from ${join(directory, file)}) with ${algorithm}`,
      );
      expect(unwrapFile(algorithm, out)).toEqual(expected());
      expect(pemBody(readFileSync(saved, "utf8"))).toEqual(expected());
    });

    it("reads back the PEM it saved as the same material, for a reimport", async () => {
      const directory = freshDirectory();
      writeFileSync(join(directory, "PublicKey.bin"), wrappingPublicKey);
      const saved = join(directory, "saved.pem");
      const common = [
        "--public-key",
        join(directory, "PublicKey.bin"),
        "--key-spec",
        "ECC_SECG_P256K1",
      ];

      await wrap(...common, "--save-key-material", saved, "--out", join(directory, "first.bin"));
      const again = await wrap(
        ...common,
        "--key-material",
        saved,
        "--out",
        join(directory, "second.bin"),
      );

      expect(again.code).toBe(0);
      expect(unwrapFile("RSAES_OAEP_SHA_256", join(directory, "second.bin"))).toEqual(
        unwrapFile("RSAES_OAEP_SHA_256", join(directory, "first.bin")),
      );
    });

    type Inputs = Record<string, Uint8Array | string>;
    const fileOptions = new Set(["--public-key", "--key-material", "--save-key-material", "--out"]);
    const needsP256 =
      "the key material of an ECC_NIST_P256 KMS key is its EC private key on the curve prime256v1, as PKCS#8 DER or PEM";
    const needsP384 =
      "the key material of an ECC_NIST_P384 KMS key is its EC private key on the curve secp384r1, as PKCS#8 DER or PEM";
    it.each<[string, () => Inputs, string[], string]>([
      [
        "for an EC key on another curve (P-384 for ECC_NIST_P256)",
        () => ({ "k.pem": key("p384.pem") }),
        ["--key-spec", "ECC_NIST_P256", "--key-material", "k.pem"],
        `--key-material {dir}/k.pem: is an EC private key on the curve secp384r1; ${needsP256}`,
      ],
      [
        "for an RSA key of another size (2048 bits for RSA_3072)",
        () => ({ "k.pem": key("rsa2048.pem") }),
        [
          "--key-spec",
          "RSA_3072",
          "--wrapping-algorithm",
          "RSA_AES_KEY_WRAP_SHA_256",
          "--key-material",
          "k.pem",
        ],
        "--key-material {dir}/k.pem: is an RSA private key with a 2048-bit modulus; the key material of an " +
          "RSA_3072 KMS key is its RSA private key with a 3072-bit modulus, as PKCS#8 DER or PEM",
      ],
      [
        "for an RSA key given for an ECC key spec",
        () => ({ "k.der": key("rsa2048.der") }),
        ["--key-spec", "ECC_NIST_P256", "--key-material", "k.der"],
        `--key-material {dir}/k.der: is an RSA private key with a 2048-bit modulus; ${needsP256}`,
      ],
      [
        "for 31 bytes of HMAC_256 material",
        () => ({ "k.bin": randomBytes(31) }),
        ["--key-spec", "HMAC_256", "--key-material", "k.bin"],
        "--key-material {dir}/k.bin: is 31 bytes; the key material of an HMAC_256 KMS key is 32 to 64 raw bytes",
      ],
      [
        "for 129 bytes of HMAC_512 material",
        () => ({ "k.bin": Buffer.alloc(129, 0x80) }),
        ["--key-spec", "HMAC_512", "--key-material", "k.bin"],
        "--key-material {dir}/k.bin: is 129 bytes; the key material of an HMAC_512 KMS key is 64 to 128 raw bytes",
      ],
      [
        "for a public key PEM",
        () => ({ "public.pem": key("p384-public.pem") }),
        ["--key-spec", "ECC_NIST_P384", "--key-material", "public.pem"],
        `--key-material {dir}/public.pem: is a public key (PEM PUBLIC KEY), not the private key; ${needsP384}`,
      ],
      [
        "for a DER public key",
        () => ({
          "public.der": createPublicKey(key("p384.pem").toString()).export({
            type: "spki",
            format: "der",
          }),
        }),
        ["--key-spec", "ECC_NIST_P384", "--key-material", "public.der"],
        `--key-material {dir}/public.der: is a public key (DER SubjectPublicKeyInfo), not the private key; ${needsP384}`,
      ],
      [
        "for an encrypted private key",
        () => ({ "encrypted.pem": key("encrypted.pem") }),
        ["--key-spec", "ECC_NIST_P384", "--key-material", "encrypted.pem"],
        "--key-material {dir}/encrypted.pem: is an encrypted private key (decrypt it first: openssl pkey -in " +
          `{dir}/encrypted.pem -out key.pem); ${needsP384}`,
      ],
      [
        "for bytes that are no key",
        () => ({ "k.bin": Buffer.alloc(100, 0x30) }),
        ["--key-spec", "ECC_NIST_P384", "--key-material", "k.bin"],
        `--key-material {dir}/k.bin: is not a private key; ${needsP384}`,
      ],
      [
        "for a PKCS#8 key followed by more bytes",
        () => ({ "k.der": Buffer.concat([key("p384.der"), Buffer.from([0])]) }),
        ["--key-spec", "ECC_NIST_P384", "--key-material", "k.der"],
        `--key-material {dir}/k.der: is not a private key; ${needsP384}`,
      ],
      [
        "for a PEM private key without --key-spec, which means 32 raw bytes",
        () => ({ "k.pem": key("p384.pem") }),
        ["--key-material", "k.pem"],
        "--key-material {dir}/k.pem: is 306 bytes; the key material of a symmetric KMS key is exactly 32 raw " +
          "bytes (it is PEM: for the private key of an RSA or ECC key, give its --key-spec)",
      ],
      [
        "for an RSA key spec with RSAES_OAEP_SHA_256, the default, before reading anything",
        () => ({}),
        [
          "--key-spec",
          "RSA_2048",
          "--key-material",
          "missing.pem",
          "--save-key-material",
          "saved.pem",
        ],
        "--key-spec RSA_2048: an RSA private key is too large for RSAES_OAEP_SHA_256; use --wrapping-algorithm " +
          "RSA_AES_KEY_WRAP_SHA_256 (or RSA_AES_KEY_WRAP_SHA_1), with import parameters requested for it",
      ],
      [
        "for an RSA key spec with RSAES_OAEP_SHA_1",
        () => ({}),
        ["--key-spec", "RSA_4096", "--wrapping-algorithm", "RSAES_OAEP_SHA_1"],
        "--key-spec RSA_4096: an RSA private key is too large for RSAES_OAEP_SHA_1; use --wrapping-algorithm " +
          "RSA_AES_KEY_WRAP_SHA_256 (or RSA_AES_KEY_WRAP_SHA_1), with import parameters requested for it",
      ],
      [
        "for an ECC_NIST_P521 key with RSAES_OAEP_SHA_256 and an RSA_2048 wrapping key",
        () => ({}),
        ["--key-spec", "ECC_NIST_P521", "--save-key-material", "saved.pem"],
        "ValidationException: 241 bytes of key material are too many for RSAES_OAEP_SHA_256 with this " +
          "wrapping key; use RSA_AES_KEY_WRAP_SHA_256.",
      ],
      [
        "for a key spec kms-byok does not know",
        () => ({}),
        ["--key-spec", "AES_256"],
        "--key-spec AES_256: not supported; use SYMMETRIC_DEFAULT, HMAC_224, HMAC_256, HMAC_384, HMAC_512, " +
          "RSA_2048, RSA_3072, RSA_4096, ECC_NIST_P256, ECC_NIST_P384, ECC_NIST_P521, ECC_SECG_P256K1",
      ],
    ])("exits 2 and writes no file %s", async (_, inputs, args, message) => {
      const directory = freshDirectory();
      const files = { "PublicKey.bin": wrappingPublicKey, ...inputs() };
      for (const [name, content] of Object.entries(files)) {
        writeFileSync(join(directory, name), content);
      }
      const inDirectory = ["--public-key", "PublicKey.bin", ...args].map((arg, i, all) =>
        fileOptions.has(all[i - 1] ?? "") ? join(directory, arg) : arg,
      );

      const run = await wrap(...inDirectory, "--out", join(directory, "out.bin"));

      expect(run).toEqual({
        code: 2,
        stdout: "",
        stderr: `kms-byok wrap: ${message.replaceAll("{dir}", directory)}\n`,
      });
      expect(readdirSync(directory).sort()).toEqual(Object.keys(files).sort());
    });
  });
});
