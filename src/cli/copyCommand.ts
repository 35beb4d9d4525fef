import { existsSync, mkdirSync } from "node:fs";
import { copyKeys } from "../sql/copyKeys.js";
import type { CliIo } from "./cliIo.js";
import { fileErrorMessage } from "./fileErrorMessage.js";
import { parseCommandArgs } from "./parseCommandArgs.js";
import { rootKeyFile } from "./rootKeyFile.js";
import {
  type DurableChoice,
  defaultRootKeyFile,
  openDurableStore,
  sqlitePathIn,
} from "./serveStore.js";
import { usageError } from "./usageError.js";
import { usageTexts } from "./usageTexts.js";
import { writeFileAtomically } from "./writeFileAtomically.js";

const options = {
  "from-data": { type: "string" },
  "from-database": { type: "string" },
  "to-data": { type: "string" },
  "to-database": { type: "string" },
  "root-key-file": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/**
 * `kms-byok copy`: copies every key, alias and audit event of one durable store into another
 * that holds no key yet (SQLite to PostgreSQL, say), all or nothing, with the root key of the
 * source.
 * Returns 0 when copied, 1 when the copy failed (nothing was written), 2 for bad options or a
 * store that cannot be opened.
 */
export async function copyCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, options);
  if (parsed.isErr()) return usageError(io, "copy", parsed.error);
  const values = parsed.value;
  if (values.help === true) {
    io.stdout(usageTexts.copy);
    return 0;
  }
  const fromData = values["from-data"];
  const fromDatabase = values["from-database"];
  const toData = values["to-data"];
  const toDatabase = values["to-database"];
  if ((fromData === undefined) === (fromDatabase === undefined))
    return usageError(
      io,
      "copy",
      "give the store to copy from: --from-data DIR or --from-database URL",
    );
  if ((toData === undefined) === (toDatabase === undefined))
    return usageError(io, "copy", "give the store to copy to: --to-data DIR or --to-database URL");
  const keyFile =
    values["root-key-file"] ?? (fromData === undefined ? undefined : defaultRootKeyFile(fromData));
  if (keyFile === undefined)
    return usageError(
      io,
      "copy",
      "--from-database needs --root-key-file FILE, the root key of its keys",
    );

  const failure = (message: string) => {
    io.stderr(`kms-byok copy: ${message}\n`);
    return 2;
  };
  if (fromData !== undefined && !existsSync(sqlitePathIn(fromData)))
    return failure(`${sqlitePathIn(fromData)} does not exist: no server kept keys in ${fromData}`);
  if (!existsSync(keyFile)) return failure(`root key file ${keyFile} does not exist`);
  const rootKey = rootKeyFile(keyFile);
  if (rootKey.isErr()) return failure(rootKey.error);
  // A data directory gets its own copy of the root key where serve --data looks for it.
  const targetKeyFile =
    toData !== undefined && values["root-key-file"] === undefined
      ? defaultRootKeyFile(toData)
      : keyFile;
  if (targetKeyFile !== keyFile && toData !== undefined && !existsSync(targetKeyFile)) {
    try {
      mkdirSync(toData, { recursive: true, mode: 0o700 });
    } catch (error) {
      return failure(`data directory ${toData}: ${fileErrorMessage(error)}`);
    }
    const written = writeFileAtomically(targetKeyFile, rootKey.value.rootKey, {
      mode: 0o600,
      overwrite: false,
    });
    if (written.isErr()) return failure(`root key file ${targetKeyFile}: ${written.error}`);
  }

  const source = await openDurableStore(choice(fromData, fromDatabase, keyFile));
  if (source.isErr()) return failure(`the store to copy from: ${source.error}`);
  const target = await openDurableStore(choice(toData, toDatabase, targetKeyFile));
  if (target.isErr()) {
    await source.value.close();
    return failure(`the store to copy to: ${target.error}`);
  }
  try {
    const copied = await copyKeys(source.value.store, target.value.store);
    if (copied.isErr()) {
      io.stderr(`kms-byok copy: ${copied.error.message} Nothing was copied.\n`);
      return 1;
    }
    io.stdout(
      `kms-byok copy: copied ${copied.value.keys} keys, ${copied.value.aliases} aliases and ${copied.value.events} audit events from ${source.value.store.location} to ${target.value.store.location}\n`,
    );
    return 0;
  } finally {
    await Promise.all([source.value.close(), target.value.close()]);
  }
}

function choice(
  data: string | undefined,
  database: string | undefined,
  rootKeyFile: string,
): DurableChoice {
  return data !== undefined
    ? { kind: "sqlite", dataDir: data, rootKeyFile }
    : { kind: "postgres", url: database ?? "", rootKeyFile };
}
