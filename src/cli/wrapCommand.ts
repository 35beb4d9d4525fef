import { existsSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { wrapKeyMaterial } from "../client/wrapKeyMaterial.js";
import {
  eccKeySpecs,
  hmacKeySpecs,
  isRsaKeySpec,
  type KeySpec,
  materialFormOf,
  rsaKeySpecs,
} from "../domain/keySpec.js";
import { type SupportedWrappingAlgorithm, wrappingSchemes } from "../domain/wrappingTable.js";
import type { CliIo } from "./cliIo.js";
import { parseCommandArgs } from "./parseCommandArgs.js";
import { readKeyMaterial } from "./readKeyMaterial.js";
import { readPublicKey } from "./readPublicKey.js";
import { usageError } from "./usageError.js";
import { usageTexts } from "./usageTexts.js";
import { wrapFreshMaterial } from "./wrapFreshMaterial.js";
import { writeFileAtomically } from "./writeFileAtomically.js";

/** The wrapping algorithms `kms-byok wrap` supports: those of docs/decisions/0003-rsa-wrapping-table.md. */
export const wrapAlgorithms = Object.keys(wrappingSchemes) as SupportedWrappingAlgorithm[];

/** The key specs whose material `kms-byok wrap` reads, generates and wraps. */
export const wrapKeySpecs: readonly KeySpec[] = [
  "SYMMETRIC_DEFAULT",
  ...hmacKeySpecs,
  ...rsaKeySpecs,
  ...eccKeySpecs,
];

const options = {
  "public-key": { type: "string" },
  "wrapping-algorithm": { type: "string", default: "RSAES_OAEP_SHA_256" },
  "key-spec": { type: "string", default: "SYMMETRIC_DEFAULT" },
  "key-material": { type: "string" },
  "save-key-material": { type: "string" },
  out: { type: "string", default: "EncryptedKeyMaterial.bin" },
  help: { type: "boolean", short: "h" },
} as const;

/**
 * `kms-byok wrap`: the customer side of an import. Reads the public key from
 * get-parameters-for-import, reads or generates the key material of `--key-spec` (32 bytes for a
 * symmetric key, raw bytes for an HMAC key, a PKCS#8 private key for an RSA or ECC key), wraps it,
 * and writes the EncryptedKeyMaterial (and, if asked, the plaintext material, mode 0600: raw bytes,
 * or PKCS#8 PEM). Returns 2, having written nothing, for any bad input.
 */
export async function wrapCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, options);
  if (parsed.isErr()) return usageError(io, "wrap", parsed.error);
  const values = parsed.value;
  if (values.help === true) {
    io.stdout(usageTexts.wrap);
    return 0;
  }
  const fail = (message: string) => {
    io.stderr(`kms-byok wrap: ${message}\n`);
    return 2;
  };
  const publicKeyPath = values["public-key"];
  if (publicKeyPath === undefined) {
    return usageError(io, "wrap", "--public-key FILE is required");
  }
  const algorithm = values["wrapping-algorithm"];
  if (!isWrapAlgorithm(algorithm)) {
    return fail(
      `--wrapping-algorithm ${algorithm}: not supported; use ${wrapAlgorithms.join(", ")}`,
    );
  }
  const spec = values["key-spec"];
  if (!isWrapKeySpec(spec)) {
    return fail(`--key-spec ${spec}: not supported; use ${wrapKeySpecs.join(", ")}`);
  }
  if (isRsaKeySpec(spec) && !wrappingSchemes[algorithm].aesKeyWrap) {
    return fail(
      `--key-spec ${spec}: an RSA private key is too large for ${algorithm}; use --wrapping-algorithm ` +
        "RSA_AES_KEY_WRAP_SHA_256 (or RSA_AES_KEY_WRAP_SHA_1), with import parameters requested for it",
    );
  }
  const materialPath = values["key-material"];
  const savePath = values["save-key-material"];
  const outPath = values.out;
  const clash = clashingPaths({
    "--public-key": publicKeyPath,
    "--key-material": materialPath,
    "--save-key-material": savePath,
    "--out": outPath,
  });
  if (clash !== undefined) return fail(clash);
  if (savePath !== undefined && existsSync(savePath)) {
    return fail(
      `--save-key-material ${savePath}: the file already exists; kms-byok never overwrites key material`,
    );
  }

  const publicKey = readPublicKey(publicKeyPath);
  if (publicKey.isErr()) return fail(publicKey.error);
  const read = materialPath === undefined ? undefined : readKeyMaterial(materialPath, spec);
  if (read?.isErr()) return fail(read.error);
  const material = read?.isOk() ? read.value : wrapFreshMaterial(spec);
  const pkcs8 = materialFormOf(spec) === "pkcs8";
  const saved = pkcs8 ? pkcs8Pem(material) : material;

  try {
    const wrapped = wrapKeyMaterial({
      publicKey: publicKey.value.key,
      wrappingAlgorithm: algorithm,
      keyMaterial: material,
    });
    if (wrapped.isErr()) return fail(`${wrapped.error.name}: ${wrapped.error.message}`);
    if (savePath !== undefined) {
      const written = writeFileAtomically(savePath, saved, { mode: 0o600, overwrite: false });
      if (written.isErr()) return fail(`--save-key-material ${savePath}: ${written.error}`);
    }
    const written = writeFileAtomically(outPath, wrapped.value, { overwrite: true });
    if (written.isErr()) {
      if (savePath !== undefined) rmSync(savePath, { force: true });
      return fail(`--out ${outPath}: ${written.error}`);
    }

    const bits = publicKey.value.key.asymmetricKeyDetails?.modulusLength;
    const source = materialPath === undefined ? "generated" : `from ${materialPath}`;
    const what = pkcs8
      ? `an ${spec} private key (${material.byteLength} bytes of PKCS#8 DER, ${source})`
      : `${material.byteLength} bytes of ${spec === "SYMMETRIC_DEFAULT" ? "" : `${spec} `}key material (${source})`;
    io.stdout(
      `kms-byok wrap: wrapped ${what} ` +
        `with ${algorithm} and the ${bits}-bit RSA public key in ${publicKeyPath} (${publicKey.value.format})\n` +
        `  wrote ${outPath} (${wrapped.value.byteLength} bytes): pass it as --encrypted-key-material fileb://${outPath}\n` +
        (savePath === undefined
          ? ""
          : `  wrote ${savePath} (${saved.byteLength} bytes${pkcs8 ? " of PKCS#8 PEM" : ""}, mode 0600): ` +
            `the plaintext ${pkcs8 ? "private key" : "key material"}; keep it secret, a reimport needs it\n`),
    );
    if (materialPath === undefined && savePath === undefined) {
      io.stderr(
        "kms-byok wrap: note: the generated key material was not saved (--save-key-material FILE); " +
          "without it the key cannot be restored after its material expires or is deleted\n",
      );
    }
    return 0;
  } finally {
    material.fill(0);
    saved.fill(0);
  }
}

function isWrapKeySpec(name: string): name is KeySpec {
  return (wrapKeySpecs as readonly string[]).includes(name);
}

/** PKCS#8 DER as PEM, as OpenSSL writes it: base64 in lines of 64 between the markers. */
function pkcs8Pem(der: Buffer): Buffer {
  const lines = der.toString("base64").match(/.{1,64}/g) ?? [];
  return Buffer.from(
    `-----BEGIN PRIVATE KEY-----\n${lines.join("\n")}\n-----END PRIVATE KEY-----\n`,
  );
}

function isWrapAlgorithm(name: string): name is SupportedWrappingAlgorithm {
  return Object.hasOwn(wrappingSchemes, name);
}

/** Says which two options name the same file, when two do: no output may replace an input. */
function clashingPaths(paths: Record<string, string | undefined>): string | undefined {
  const seen = new Map<string, string>();
  for (const [option, path] of Object.entries(paths)) {
    if (path === undefined) continue;
    const earlier = seen.get(resolve(path));
    if (earlier !== undefined) return `${earlier} and ${option} name the same file, ${path}`;
    seen.set(resolve(path), option);
  }
  return undefined;
}
