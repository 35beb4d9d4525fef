import { randomBytes } from "node:crypto";
import { statSync } from "node:fs";
import { err, ok, type Result } from "neverthrow";
import { fileErrorMessage } from "./fileErrorMessage.js";
import { readSmallFile } from "./readSmallFile.js";
import { writeFileAtomically } from "./writeFileAtomically.js";

/** The root key of a durable store, and whether this start created its file. */
export interface RootKeyFile {
  readonly rootKey: Uint8Array;
  readonly created: boolean;
}

const rootKeyBytes = 32;

/**
 * Reads the 32-byte root key in `path`, or creates the file with a random key and mode 0600
 * when there is none (two processes that race to create it end up with the same key). A file
 * that others may read or write is refused: the root key opens every key in the store.
 *
 * Errors: a sentence naming the file and what to do.
 */
export function rootKeyFile(path: string): Result<RootKeyFile, string> {
  let mode: number | undefined;
  try {
    mode = statSync(path).mode;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT")
      return err(`root key file ${path}: ${fileErrorMessage(error)}`);
  }
  if (mode === undefined) {
    const written = writeFileAtomically(path, randomBytes(rootKeyBytes), {
      mode: 0o600,
      overwrite: false,
    });
    if (written.isOk()) return readRootKey(path).map((rootKey) => ({ rootKey, created: true }));
    // Another process created it first: use theirs.
    if (written.error !== "the file already exists")
      return err(`root key file ${path}: ${written.error}`);
    return rootKeyFile(path);
  }
  if ((mode & 0o077) !== 0) {
    const shown = (mode & 0o777).toString(8).padStart(4, "0");
    return err(
      `root key file ${path} may be read or written by other users (mode ${shown}); it opens every key in the store: run chmod 600 ${path}`,
    );
  }
  return readRootKey(path).map((rootKey) => ({ rootKey, created: false }));
}

function readRootKey(path: string): Result<Uint8Array, string> {
  return readSmallFile(path, rootKeyBytes)
    .mapErr((why) => `root key file ${path}: ${why}`)
    .andThen((bytes) =>
      bytes.byteLength === rootKeyBytes
        ? ok(new Uint8Array(bytes))
        : err(
            `root key file ${path} holds ${bytes.byteLength} bytes; a root key is exactly ${rootKeyBytes} random bytes (openssl rand 32 > ${path})`,
          ),
    );
}
