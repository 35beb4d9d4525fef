import { createPublicKey, generateKeyPairSync, randomBytes } from "node:crypto";
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
import { wrapAlgorithms, wrapCommand } from "../../src/cli/wrapCommand.js";
import type { WrappingAlgorithm } from "../../src/domain/wrappingTable.js";
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
