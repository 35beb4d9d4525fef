import { randomBytes } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { wrapKeyMaterial } from "../client/wrapKeyMaterial.js";
import { symmetricKeyMaterialBytes } from "../domain/checkImportedMaterial.js";
import { type SupportedWrappingAlgorithm, wrappingSchemes } from "../domain/wrappingTable.js";
import type { CliIo } from "./cliIo.js";
import { parseCommandArgs } from "./parseCommandArgs.js";
import { readKeyMaterial } from "./readKeyMaterial.js";
import { readPublicKey } from "./readPublicKey.js";
import { usageError } from "./usageError.js";
import { usageTexts } from "./usageTexts.js";
import { writeFileAtomically } from "./writeFileAtomically.js";

/** The wrapping algorithms `kms-byok wrap` supports: those of docs/decisions/0003-rsa-wrapping-table.md. */
export const wrapAlgorithms = Object.keys(wrappingSchemes) as SupportedWrappingAlgorithm[];

const options = {
  "public-key": { type: "string" },
  "wrapping-algorithm": { type: "string", default: "RSAES_OAEP_SHA_256" },
  "key-material": { type: "string" },
  "save-key-material": { type: "string" },
  out: { type: "string", default: "EncryptedKeyMaterial.bin" },
  help: { type: "boolean", short: "h" },
} as const;

/**
 * `kms-byok wrap`: the customer side of an import. Reads the public key from
 * get-parameters-for-import, reads or generates 32 bytes of key material, wraps it, and writes
 * the EncryptedKeyMaterial (and, if asked, the plaintext material, mode 0600). Returns 2, having
 * written nothing, for any bad input.
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
  const read = materialPath === undefined ? undefined : readKeyMaterial(materialPath);
  if (read?.isErr()) return fail(read.error);
  const material = read?.isOk() ? read.value : randomBytes(symmetricKeyMaterialBytes);

  try {
    const wrapped = wrapKeyMaterial({
      publicKey: publicKey.value.key,
      wrappingAlgorithm: algorithm,
      keyMaterial: material,
    });
    if (wrapped.isErr()) return fail(`${wrapped.error.name}: ${wrapped.error.message}`);
    if (savePath !== undefined) {
      const saved = writeFileAtomically(savePath, material, { mode: 0o600, overwrite: false });
      if (saved.isErr()) return fail(`--save-key-material ${savePath}: ${saved.error}`);
    }
    const written = writeFileAtomically(outPath, wrapped.value, { overwrite: true });
    if (written.isErr()) {
      if (savePath !== undefined) rmSync(savePath, { force: true });
      return fail(`--out ${outPath}: ${written.error}`);
    }

    const bits = publicKey.value.key.asymmetricKeyDetails?.modulusLength;
    io.stdout(
      `kms-byok wrap: wrapped ${material.byteLength} bytes of key material (${materialPath === undefined ? "generated" : `from ${materialPath}`}) ` +
        `with ${algorithm} and the ${bits}-bit RSA public key in ${publicKeyPath} (${publicKey.value.format})\n` +
        `  wrote ${outPath} (${wrapped.value.byteLength} bytes): pass it as --encrypted-key-material fileb://${outPath}\n` +
        (savePath === undefined
          ? ""
          : `  wrote ${savePath} (${material.byteLength} bytes, mode 0600): the plaintext key material; keep it secret, a reimport needs it\n`),
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
  }
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
